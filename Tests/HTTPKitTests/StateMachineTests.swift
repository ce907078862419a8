import NIOCore
import Testing

@testable import HTTPKit

@Suite("HTTP/1.1 request state machine")
struct HTTP1ServerRequestStateMachineTests {
    let start = NIODeadline.uptimeNanoseconds(1_000_000_000)

    func machine(maxBody: Int = 100) -> HTTP1ServerRequestStateMachine {
        HTTP1ServerRequestStateMachine(maxBodySize: maxBody, idleTimeout: .seconds(5), requestTimeout: .seconds(2), now: self.start)
    }

    @Test func keepAliveCycle() {
        var m = self.machine()
        #expect(m.receivedHead(declaredLength: 10, keepAlive: true, now: self.start) == .none)
        #expect(m.receivedBody(count: 10) == .appendBody)
        #expect(m.receivedEnd() == .dispatch(keepAlive: true))
        #expect(m.isResponding)
        #expect(m.wroteResponse(now: self.start) == .ready)
        #expect(m.state == .idle(since: self.start))
        #expect(m.receivedHead(declaredLength: nil, keepAlive: false, now: self.start) == .none)
        #expect(m.receivedEnd() == .dispatch(keepAlive: false))
        #expect(m.wroteResponse(now: self.start) == .close)
    }

    @Test func declaredBodyOverLimitIsRefusedBeforeReading() {
        var m = self.machine(maxBody: 100)
        #expect(m.receivedHead(declaredLength: 101, keepAlive: true, now: self.start) == .respondAndClose(.payloadTooLarge))
        #expect(m.receivedBody(count: 50) == .none)
        #expect(m.receivedEnd() == .none)
    }

    @Test func streamedBodyOverLimitIsRefused() {
        var m = self.machine(maxBody: 100)
        _ = m.receivedHead(declaredLength: nil, keepAlive: true, now: self.start)
        #expect(m.receivedBody(count: 60) == .appendBody)
        #expect(m.receivedBody(count: 41) == .respondAndClose(.payloadTooLarge))
        #expect(m.state == .discarding)
    }

    @Test func slowRequestTimesOutAndIdleConnectionCloses() {
        var m = self.machine()
        #expect(m.timerFired(now: self.start + .seconds(4)) == .none)
        #expect(m.timerFired(now: self.start + .seconds(5)) == .close)
        var n = self.machine()
        _ = n.receivedHead(declaredLength: 10, keepAlive: true, now: self.start)
        #expect(n.timerFired(now: self.start + .seconds(1)) == .none)
        #expect(n.timerFired(now: self.start + .seconds(2)) == .respondAndClose(.requestTimeout))
    }

    @Test func respondingConnectionNeverTimesOut() {
        var m = self.machine()
        _ = m.receivedHead(declaredLength: nil, keepAlive: true, now: self.start)
        _ = m.receivedEnd()
        #expect(m.timerFired(now: self.start + .seconds(60)) == .none)
    }

    @Test func parserErrorsAnswerThenClose() {
        var m = self.machine()
        #expect(m.parserFailed(headerTooLarge: true) == .respondAndClose(.headerFieldsTooLarge))
        var n = self.machine()
        #expect(n.parserFailed(headerTooLarge: false) == .respondAndClose(.badRequest))
        var o = self.machine()
        _ = o.receivedHead(declaredLength: nil, keepAlive: true, now: self.start)
        _ = o.receivedEnd()
        #expect(o.parserFailed(headerTooLarge: false) == .close)
    }

    @Test func quiesceClosesIdleAndEndsKeepAliveOfBusy() {
        var idle = self.machine()
        #expect(idle.quiesce() == .close)
        var busy = self.machine()
        _ = busy.receivedHead(declaredLength: nil, keepAlive: true, now: self.start)
        #expect(busy.quiesce() == .none)
        #expect(busy.receivedEnd() == .dispatch(keepAlive: false))
        #expect(busy.wroteResponse(now: self.start) == .close)
    }
}

@Suite("HTTP/2 server connection state machine")
struct HTTP2ServerConnectionStateMachineTests {
    let start = NIODeadline.uptimeNanoseconds(1_000_000_000)

    @Test func gracefulShutdownWaitsForPingThenSendsGoaway() {
        var m = HTTP2ServerConnectionStateMachine(idleTimeout: .seconds(60), now: self.start)
        #expect(m.quiesce(now: self.start) == .announceShutdown)
        #expect(m.quiesce(now: self.start) == .none)
        #expect(m.timerFired(now: self.start + .milliseconds(10), hasOpenStreams: true) == .none)
        #expect(m.pingAcknowledged() == .sendGoaway)
        #expect(m.lifecycle == .goawaySent)
        #expect(m.pingAcknowledged() == .none)
    }

    @Test func unansweredPingStillLeadsToGoaway() {
        var m = HTTP2ServerConnectionStateMachine(idleTimeout: .seconds(60), shutdownPingTimeout: .seconds(1), now: self.start)
        _ = m.quiesce(now: self.start)
        #expect(m.timerFired(now: self.start + .seconds(1), hasOpenStreams: true) == .sendGoaway)
    }

    @Test func idleTimeoutOnlyWithoutStreams() {
        var m = HTTP2ServerConnectionStateMachine(idleTimeout: .seconds(5), now: self.start)
        #expect(m.timerFired(now: self.start + .seconds(6), hasOpenStreams: true) == .none)
        m.recordActivity(now: self.start + .seconds(6))
        #expect(m.timerFired(now: self.start + .seconds(10), hasOpenStreams: false) == .none)
        #expect(m.timerFired(now: self.start + .seconds(11), hasOpenStreams: false) == .sendGoaway)
    }
}

@Suite("Connection pool state machine")
struct ConnectionPoolStateMachineTests {
    @Test func http2DispatchesWithinCapacityAndQueuesBeyond() {
        var m = ConnectionPoolStateMachine(maxConnections: 1, expectedCapacityPerConnection: 100)
        #expect(m.request(1) == [.connect(0)])
        #expect(m.request(2) == [])
        #expect(m.connected(0, capacity: 2) == [.execute(1, on: 0), .execute(2, on: 0)])
        #expect(m.request(3) == [])
        #expect(m.queuedCount == 1)
        #expect(m.requestFinished(on: 0) == [.execute(3, on: 0)])
        #expect(m.request(4) == [])
        #expect(m.capacityChanged(0, capacity: 3) == [.execute(4, on: 0)])
    }

    @Test func goawayDrainsAndOpensReplacement() {
        var m = ConnectionPoolStateMachine(maxConnections: 1, expectedCapacityPerConnection: 100)
        _ = m.request(1)
        _ = m.connected(0, capacity: 10)
        #expect(m.goaway(on: 0) == [])
        #expect(m.connections[0] == .draining(inFlight: 1))
        #expect(m.request(2) == [.connect(1)])
        #expect(m.connected(1, capacity: 10) == [.execute(2, on: 1)])
        #expect(m.requestFinished(on: 0) == [.close(0)])
        #expect(m.connections[0] == nil)
    }

    @Test func retriedRequestJumpsTheQueue() {
        var m = ConnectionPoolStateMachine(maxConnections: 1, expectedCapacityPerConnection: 100)
        _ = m.request(1)
        _ = m.connected(0, capacity: 1)
        _ = m.request(2)
        #expect(m.requestFinished(on: 0) == [.execute(2, on: 0)])
        #expect(m.retry(1) == [])
        _ = m.request(3)
        #expect(m.requestFinished(on: 0) == [.execute(1, on: 0)])
        #expect(m.requestFinished(on: 0) == [.execute(3, on: 0)])
    }

    @Test func unreachableUpstreamFailsQueuedRequests() {
        var m = ConnectionPoolStateMachine(maxConnections: 1, expectedCapacityPerConnection: 100)
        _ = m.request(1)
        _ = m.request(2)
        #expect(m.connectFailed(0) == [.fail(1, .connectFailed), .fail(2, .connectFailed)])
        #expect(m.request(3) == [.connect(1)])
    }

    @Test func http1OpensConnectionsUpToTheLimit() {
        var m = ConnectionPoolStateMachine(maxConnections: 3, expectedCapacityPerConnection: 1)
        #expect(m.request(1) == [.connect(0)])
        #expect(m.request(2) == [.connect(1)])
        #expect(m.request(3) == [.connect(2)])
        #expect(m.request(4) == [])
        #expect(m.connected(1, capacity: 1) == [.execute(1, on: 1)])
        #expect(m.connected(0, capacity: 1) == [.execute(2, on: 0)])
        #expect(m.requestFinished(on: 1) == [.execute(3, on: 1)])
        // Request 4 still waits and the limit allows a third connection again.
        #expect(m.closed(2) == [.connect(3)])
        #expect(m.requestFinished(on: 0) == [.execute(4, on: 0)])
        #expect(m.connected(3, capacity: 1) == [])
    }

    @Test func cancelledQueuedRequestLeavesTheQueue() {
        var m = ConnectionPoolStateMachine(maxConnections: 1, expectedCapacityPerConnection: 100)
        _ = m.request(1)
        #expect(m.cancelQueued(1) == [.fail(1, .cancelledWhileQueued)])
        #expect(m.cancelQueued(1) == [])
        #expect(m.connected(0, capacity: 10) == [])
    }

    @Test func shutdownFailsQueuedAndClosesConnections() {
        var m = ConnectionPoolStateMachine(maxConnections: 2, expectedCapacityPerConnection: 1)
        _ = m.request(1)
        _ = m.connected(0, capacity: 1)
        _ = m.request(2)
        let actions = m.shutdown()
        #expect(actions.contains(.fail(2, .shutdown)))
        #expect(actions.contains(.close(0)))
        #expect(m.request(3) == [.fail(3, .shutdown)])
        #expect(m.connected(1, capacity: 1) == [.close(1)])
    }
}
