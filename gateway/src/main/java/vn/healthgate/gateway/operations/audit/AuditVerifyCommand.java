package vn.healthgate.gateway.operations.audit;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code java -jar gateway.jar audit-verify [--url JDBC-URL] [--user U] [--password P] [--key-file FILE]... [--checkpoints FILE]...}:
 * checks the keyed audit chain straight from the database, without starting the gateway, against checkpoint files, and prints one
 * line per finding. Defaults: {@code $DATABASE_URL}/{@code $DATABASE_USER}/{@code $DATABASE_PASSWORD}, else the default run's H2
 * file under {@code $GATEWAY_DATA_DIR} (or {@code ./data}); the key {@code $GATEWAY_AUDIT_KEY_FILE}, else {@code audit.key} in the
 * data dir; the checkpoints {@code audit-checkpoints.log} in the data dir. Exit codes: 0 valid, 1 an integrity failure, 2 wrong
 * usage, 3 the database, a key or a checkpoint file could not be read.
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
    List<Path> checkpointFiles = new ArrayList<>();
    boolean noCheckpoints = false;
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
        case "--checkpoints" -> {
          if (value.equals("none")) {
            noCheckpoints = true;
          } else {
            checkpointFiles.add(Path.of(value));
          }
        }
        default -> {
          err.println("unknown option: " + option + " (audit-verify --help)");
          return 2;
        }
      }
    }
    if (keyFiles.isEmpty()) {
      keyFiles.add(Path.of(env.getOrDefault("GATEWAY_AUDIT_KEY_FILE", dataDir + "/audit.key")));
    }
    if (noCheckpoints) {
      checkpointFiles.clear();
    } else if (checkpointFiles.isEmpty()) {
      checkpointFiles.add(Path.of(dataDir, "audit-checkpoints.log"));
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
      verification = new AuditLog(new JdbcTemplate(new DriverManagerDataSource(url, user, password)), Clock.systemUTC(), keys, null)
          .verify(checkpointFiles);
    } catch (UncheckedIOException e) {
      err.println(e.getMessage() + ": " + rootMessage(e));
      return 3;
    } catch (RuntimeException e) {
      String reason = rootMessage(e);
      err.println("cannot read the audit log at " + url + ": " + reason
          + (reason.contains("already in use") ? "\n  the gateway is running on this H2 file: use GET /api/v1/admin/audit/verify, or stop it first" : ""));
      return 3;
    }
    String counts = verification.entries() + " entries (" + verification.legacyEntries() + " legacy, before the key)";
    if (verification.valid()) {
      out.println("audit chain VALID: " + counts + ", keys " + String.join(", ", keys.ids()) + "; " + verification.checkpoints()
          + " checkpoints agree" + (checkpointFiles.isEmpty() ? " (none checked)" : " (" + checkpointFiles.stream().map(Path::toString)
          .collect(java.util.stream.Collectors.joining(", ")) + ")"));
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
        usage: gateway audit-verify [--url JDBC-URL] [--user USER] [--password PASSWORD] [--key-file FILE]... [--checkpoints FILE|none]...
          checks every audit entry's HMAC, its link to the entry before and the sequence, the chain head, and each
          checkpoint line (its own HMAC; the entry it names must exist and carry its hash)
          --url, --user, --password  the database; default $DATABASE_URL, $DATABASE_USER, $DATABASE_PASSWORD,
                                     else the H2 file in $GATEWAY_DATA_DIR (./data)
          --key-file FILE            the audit key; default $GATEWAY_AUDIT_KEY_FILE, else audit.key in the data dir;
                                     give it again for each retired key older entries were signed with
          --checkpoints FILE         a node's checkpoint file, or its shipped log lines ('audit checkpoint ...');
                                     default audit-checkpoints.log in the data dir; give it again for each node;
                                     none: check the table alone
          prints VALID, or BROKEN and one line per finding: ALTERED (changed, inserted or re-chained without the key),
          SEQUENCE_GAP (deleted), BROKEN_LINK, LEGACY_AFTER_KEYED, UNKNOWN_KEY, TRUNCATED (cut off the end),
          HEAD_MISMATCH, CHECKPOINT_MISMATCH (re-chained after a checkpoint), CHECKPOINT_FORGED (altered line),
          CHECKPOINT_OUT_OF_ORDER (the chain went back), CHECKPOINTS_MISSING
          exit codes: 0 valid, 1 integrity failure, 2 wrong usage, 3 database, key or checkpoint file not readable""";
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
