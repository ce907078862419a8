import Foundation
import Postgres
import Synchronization

/// Stops the shared test cluster when the test process exits normally (`atexit`). If the process
/// dies instead, the cluster's own watchdog stops it within half a second.
enum SharedClusterCleanup {
    private static let clusters = Mutex<[(dataDirectory: String, pgctl: String, user: String?, directory: String)]>([])

    static func register(_ cluster: LocalCluster) {
        let first = clusters.withLock { clusters in
            clusters.append((cluster.dataDirectory, cluster.binaries.path(for: "pg_ctl"), cluster.serverUser, cluster.directory))
            return clusters.count == 1
        }
        if first { atexit { SharedClusterCleanup.stopAll() } }
    }

    private static func stopAll() {
        let all = clusters.withLock { $0 }
        for cluster in all {
            let prefix = cluster.user.map { "/usr/sbin/runuser -u \($0) -- " } ?? ""
            _ = system("\(prefix)'\(cluster.pgctl)' stop -D '\(cluster.dataDirectory)' -m immediate -w -t 30 >/dev/null 2>&1; rm -rf '\(cluster.directory)'")
        }
    }
}
