import Metrics

/// The pool's swift-metrics instruments, created once per pool (OpenTelemetry database-client names).
struct PoolMetrics: Sendable {
    let idle: Gauge
    let used: Gauge
    let pending: Gauge
    let maximum: Gauge
    let waitTime: Timer
    let createTime: Timer
    let timeouts: Counter

    init(name: String, factory: (any MetricsFactory)?) {
        let factory = factory ?? MetricsSystem.factory
        let pool = ("pool.name", name)
        idle = Gauge(label: "db.client.connections.usage", dimensions: [pool, ("state", "idle")], factory: factory)
        used = Gauge(label: "db.client.connections.usage", dimensions: [pool, ("state", "used")], factory: factory)
        pending = Gauge(label: "db.client.connections.pending_requests", dimensions: [pool], factory: factory)
        maximum = Gauge(label: "db.client.connections.max", dimensions: [pool], factory: factory)
        waitTime = Timer(label: "db.client.connections.wait_time", dimensions: [pool], factory: factory)
        createTime = Timer(label: "db.client.connections.create_time", dimensions: [pool], factory: factory)
        timeouts = Counter(label: "db.client.connections.timeouts", dimensions: [pool], factory: factory)
    }

    func update(idle idleCount: Int, used usedCount: Int, pending pendingCount: Int) {
        idle.record(idleCount)
        used.record(usedCount)
        pending.record(pendingCount)
    }
}
