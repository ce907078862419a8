import EventKit
import HTTPKit
import MetricsTestKit
import Testing

/// Lag in events and seconds as gauges, and readiness within the configured bounds.
@Suite("Lag", .serialized)
struct LagTests {
    @Test func lagGaugesAndReadinessFollowTheBacklog() async throws {
        var configuration = EventFixture.testConfiguration
        configuration.batchSize = 10
        configuration.maxLagEvents = 15
        configuration.maxLagSeconds = 3600
        try await EventFixture.with(configuration: configuration) { fixture in
            let metrics = TestMetrics()
            let consumer = fixture.makeConsumer(metricsFactory: metrics)
            let readiness = HTTPReadiness()
            consumer.install(readiness: readiness)
            let check = consumer.readinessCheck()
            #expect(await check() == false, "not ready before the first read")

            for index in 0..<50 { try await fixture.producer.createUser(email: "lag\(index)@example.com") }
            try await consumer.poll()
            let dimensions = [("messaging.consumer.group.name", "learning"), ("messaging.source.name", "identity")]
            let events = try metrics.expectGauge("messaging.consumer.lag.events", dimensions)
            let seconds = try metrics.expectGauge("messaging.consumer.lag.seconds", dimensions)
            #expect(events.lastValue == 40)
            #expect((seconds.lastValue ?? 0) > 0)
            #expect(await check() == false, "40 events behind, 15 allowed")

            try await fixture.drain(consumer)
            #expect(events.lastValue == 0)
            #expect(seconds.lastValue == 0)
            #expect(await check() == true)
            let applied = try metrics.expectCounter("messaging.client.consumed.messages", dimensions + [("messaging.outcome", "applied")])
            #expect(applied.totalValue == 50)
            try await fixture.expectConverged()
        }
    }
}
