package vn.healthgate.gateway.audit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code java -jar gateway.jar audit-verify [--url JDBC-URL] [--user U] [--password P] [--key-file FILE]...}: checks the keyed
 * audit chain straight from the database, without starting the gateway, and prints one line per finding. Defaults:
 * {@code $DATABASE_URL}/{@code $DATABASE_USER}/{@code $DATABASE_PASSWORD}, else the default run's H2 file under
 * {@code $GATEWAY_DATA_DIR} (or {@code ./data}); the key {@code $GATEWAY_AUDIT_KEY_FILE}, else {@code audit.key} in the data dir.
 * Exit codes: 0 valid, 1 an integrity failure, 2 wrong usage, 3 the database or a key could not be read.
 */
public final class AuditVerifyCommand {
  public static final String NAME = "audit-verify";

  private AuditVerifyCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    String dataDir = env.getOrDefault("GATEWAY_DATA_DIR", "./data");
    String url = env.getOrDefault("DATABASE_URL", "jdbc:h2:file:" + dataDir + "/gateway");
    String user = env.getOrDefault("DATABASE_USER", env.containsKey("DATABASE_URL") ? "" : "sa");
    String password = env.getOrDefault("DATABASE_PASSWORD", "");
    List<Path> keyFiles = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help")) {
        out.println(help());
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
        case "--key-file" -> keyFiles.add(Path.of(value));
        default -> {
          err.println("unknown option: " + option + " (audit-verify --help)");
          return 2;
        }
      }
    }
    if (keyFiles.isEmpty()) {
      keyFiles.add(Path.of(env.getOrDefault("GATEWAY_AUDIT_KEY_FILE", dataDir + "/audit.key")));
    }
    AuditKeys keys;
    try {
      List<AuditKey> read = keyFiles.stream().map(AuditKey::read).toList();
      keys = new AuditKeys(read.get(0), read.subList(1, read.size()));
    } catch (IllegalStateException e) {
      err.println("cannot read the audit key: " + e.getMessage() + " (--key-file, or GATEWAY_AUDIT_KEY_FILE)");
      return 3;
    }
    AuditLog.Verification verification;
    try {
      verification = new AuditLog(new JdbcTemplate(new DriverManagerDataSource(url, user, password)), Clock.systemUTC(), keys).verify();
    } catch (RuntimeException e) {
      String reason = rootMessage(e);
      err.println("cannot read the audit log at " + url + ": " + reason
          + (reason.contains("already in use") ? "\n  the gateway is running on this H2 file: use GET /api/v1/admin/audit/verify, or stop it first" : ""));
      return 3;
    }
    String counts = verification.entries() + " entries (" + verification.legacyEntries() + " legacy, before the key)";
    if (verification.valid()) {
      out.println("audit chain VALID: " + counts + ", keys " + String.join(", ", keys.ids()));
      return 0;
    }
    out.println("audit chain BROKEN" + (verification.firstBroken() == null ? "" : " at entry seq " + verification.firstBroken()) + " (of " + counts
        + "): " + verification.reason());
    for (AuditLog.Finding finding : verification.findings()) {
      out.println("  " + finding.kind() + ": " + finding.message());
    }
    if (verification.findingsLeftOut() > 0) {
      out.println("  … and " + verification.findingsLeftOut() + " more findings");
    }
    return 1;
  }

  private static String help() {
    return """
        usage: gateway audit-verify [--url JDBC-URL] [--user USER] [--password PASSWORD] [--key-file FILE]...
          checks every audit entry's HMAC, its link to the entry before and the sequence, and the chain head
          --url, --user, --password  the database; default $DATABASE_URL, $DATABASE_USER, $DATABASE_PASSWORD,
                                     else the H2 file in $GATEWAY_DATA_DIR (./data)
          --key-file FILE            the audit key; default $GATEWAY_AUDIT_KEY_FILE, else audit.key in the data dir;
                                     give it again for each retired key the older entries were signed with
          prints VALID, or BROKEN and one line per finding (an entry changed, inserted or re-chained, a deletion,
          entries cut off the end)
          exit codes: 0 valid, 1 integrity failure, 2 wrong usage, 3 database or key not readable""";
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
