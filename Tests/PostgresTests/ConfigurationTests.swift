import Postgres
import Testing

@Suite struct ConfigurationTests {
    @Test func parsesAFullURL() throws {
        let config = try PostgresConfiguration(
            url: "postgresql://app%40corp:p%40ss%3Aw%2Frd@db.internal:6543/identity%20db?sslmode=require&application_name=id%20svc&connect_timeout=3&target_session_attrs=read-write")
        #expect(config.user == "app@corp")
        #expect(config.password == "p@ss:w/rd")
        #expect(config.host == "db.internal")
        #expect(config.port == 6543)
        #expect(config.database == "identity db")
        #expect(config.sslMode == .require)
        #expect(config.applicationName == "id svc")
        #expect(config.connectTimeout == .seconds(3))
        #expect(config.parameters["target_session_attrs"] == "read-write")
    }

    @Test func acceptsUnixSocketHostsAndIPv6() throws {
        let encoded = try PostgresConfiguration(url: "postgres://u@%2Ftmp%2Fpg-sockets:5433/learning")
        #expect(encoded.host == "/tmp/pg-sockets")
        #expect(encoded.port == 5433)
        let query = try PostgresConfiguration(url: "postgresql:///learning?host=/var/run/postgresql&port=5432")
        #expect(query.host == "/var/run/postgresql")
        #expect(query.database == "learning")
        #expect(query.user == nil)
        let ipv6 = try PostgresConfiguration(url: "postgresql://u:p@[::1]:5432/db")
        #expect(ipv6.host == "::1")
        #expect(ipv6.port == 5432)
    }

    @Test func roundTripsThroughItsURL() throws {
        var config = PostgresConfiguration(host: "/tmp/s d", port: 5444, user: "we!rd", password: "p@:/?&=", database: "d b", sslMode: .disable)
        config.applicationName = "a&b"
        let parsed = try PostgresConfiguration(url: config.url)
        #expect(parsed == config)
    }

    @Test(arguments: [
        ("mysql://u@h/db", "must start with postgresql://"),
        ("postgresql://u@h:99999/db", "port \"99999\""),
        ("postgresql://u@h:abc/db", "port \"abc\""),
        ("postgresql://u%ZZ@h/db", "bad percent-encoding in the user name"),
        ("postgresql://u@h/db?sslmode=sometimes", "invalid sslmode \"sometimes\""),
        ("postgresql://u@h/db?nonsense=1", "unknown connection parameter \"nonsense\""),
        ("postgresql://u@h/db?sslmode", "has no value"),
        ("postgresql://u@[::1/db", "unterminated ["),
    ])
    func rejectsMalformedURLs(url: String, expected: String) {
        do {
            _ = try PostgresConfiguration(url: url)
            Issue.record("\(url) was accepted")
        } catch let error as PostgresError {
            #expect(error.code == .invalidConfiguration)
            #expect(error.message.contains(expected), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func parsesKeywordStringsWithLibpq() throws {
        let config = try PostgresConfiguration(connectionString: "host=/tmp port=5433 dbname=identity user='a b' sslmode=disable")
        #expect(config.host == "/tmp")
        #expect(config.port == 5433)
        #expect(config.user == "a b")
        #expect(config.sslMode == .disable)
        #expect(throws: PostgresError.self) { try PostgresConfiguration(connectionString: "host=/tmp port") }
        #expect(throws: PostgresError.self) { try PostgresConfiguration(connectionString: "bogus=1") }
    }
}
