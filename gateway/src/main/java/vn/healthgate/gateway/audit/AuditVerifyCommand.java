package vn.healthgate.gateway.audit;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code java -jar gateway.jar audit-verify [--url JDBC-URL] [--user U] [--password P]}: recomputes the
 * audit hash chain straight from the database, without starting the gateway, and names the first
 * broken entry. Defaults: {@code $DATABASE_URL}/{@code $DATABASE_USER}/{@code $DATABASE_PASSWORD}, else
 * the default run's H2 file under {@code $GATEWAY_DATA_DIR} (or {@code ./data}). Exit codes: 0 the chain
 * verifies, 1 it is broken, 2 wrong usage, 3 the database could not be read.
 */
public final class AuditVerifyCommand {
  public static final String NAME = "audit-verify";

  private AuditVerifyCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    String dataDir = env.getOrDefault("GATEWAY_DATA_DIR", "./data");
    String url = env.getOrDefault("DATABASE_URL", "jdbc:h2:file:" + dataDir + "/gateway");
    String user = env.getOrDefault("DATABASE_USER", env.containsKey("DATABASE_URL") ? "" : "sa");
    String password = env.getOrDefault("DATABASE_PASSWORD", "");
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help")) {
        out.println("usage: gateway audit-verify [--url JDBC-URL] [--user USER] [--password PASSWORD]\n"
            + "  defaults: $DATABASE_URL, $DATABASE_USER, $DATABASE_PASSWORD, else the H2 file in $GATEWAY_DATA_DIR (./data)\n"
            + "  exit codes: 0 valid, 1 broken (the first broken entry is named), 2 wrong usage, 3 database not readable");
        return 0;
      }
      if (i + 1 >= args.length || !option.startsWith("--")) {
        err.println("unknown or incomplete option: " + option + " (audit-verify --help)");
        return 2;
      }
      String value = args[++i];
      switch (option) {
        case "--url" -> url = value;
        case "--user" -> user = value;
        case "--password" -> password = value;
        default -> {
          err.println("unknown option: " + option + " (audit-verify --help)");
          return 2;
        }
      }
    }
    AuditLog.Verification verification;
    try {
      verification = new AuditLog(new JdbcTemplate(new DriverManagerDataSource(url, user, password)), Clock.systemUTC()).verify();
    } catch (RuntimeException e) {
      String reason = rootMessage(e);
      err.println("cannot read the audit log at " + url + ": " + reason
          + (reason.contains("already in use") ? "\n  the gateway is running on this H2 file: use GET /api/v1/admin/audit/verify, or stop it first" : ""));
      return 3;
    }
    if (verification.valid()) {
      out.println("audit chain VALID: " + verification.entries() + " entries");
      return 0;
    }
    out.println("audit chain BROKEN at entry seq " + verification.firstBroken() + " (of " + verification.entries() + " entries):"
        + " that entry or its predecessor was changed, removed or inserted");
    return 1;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
