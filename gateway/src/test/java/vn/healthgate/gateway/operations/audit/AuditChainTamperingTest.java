package vn.healthgate.gateway.operations.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.healthgate.gateway.operations.audit.AuditLog.Finding;
import vn.healthgate.gateway.operations.audit.AuditLog.Finding.Kind;
import vn.healthgate.gateway.operations.audit.AuditLog.Verification;

/**
 * What someone with database access can do to the audit trail, with or without the key, and that verification names it: from the
 * chain itself, or from the checkpoints kept outside the database.
 */
class AuditChainTamperingTest {
  private static final AuditKey KEY = AuditKey.of("the key of the tampering tests!!".getBytes(StandardCharsets.US_ASCII));
  private static final AuditKey OTHER_KEY = AuditKey.of("another key, thirty-two bytes ok".getBytes(StandardCharsets.US_ASCII));

  @TempDir Path dir;
  private final String url = "jdbc:h2:mem:tamper-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
  private final ChainAttacker attacker = new ChainAttacker(jdbc);
  private Path keyFile;
  private Path checkpointFile;
  private AuditCheckpoints checkpoints;

  @BeforeEach
  void schema() throws IOException {
    for (String migration : new String[] {"V4__audit_log.sql", "V6__audit_head.sql", "V7__audit_key_id.sql"}) {
      try (InputStream ddl = getClass().getResourceAsStream("/db/migration/" + migration)) {
        for (String statement : new String(ddl.readAllBytes(), StandardCharsets.UTF_8).split(";")) {
          if (!statement.isBlank()) {
            jdbc.execute(statement);
          }
        }
      }
    }
    keyFile = Files.write(dir.resolve("audit.key"), "the key of the tampering tests!!".getBytes(StandardCharsets.US_ASCII));
    checkpointFile = dir.resolve("audit-checkpoints.log");
    checkpoints = new AuditCheckpoints(jdbc, Clock.systemUTC(), KEY, checkpointFile, Duration.ofMinutes(1), "node-a");
    checkpoints.write(); // as at a node's start-up
  }

  private AuditLog audit(AuditKeys keys) {
    return new AuditLog(jdbc, Clock.systemUTC(), keys, checkpointFile);
  }

  private AuditLog appendTen() {
    AuditLog audit = audit(AuditKeys.of(KEY));
    for (int i = 1; i <= 10; i++) {
      audit.append("facility:70001", "70001", "POST /api/v1/check-ins", "doc-" + i, "202", "c-" + i);
    }
    return audit;
  }

  /** The audit-verify command over the same database and key: exit code, then its output. */
  private String command(String... extra) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("--url", url, "--user", "sa", "--password", "", "--key-file", keyFile.toString(),
        "--checkpoints", checkpointFile.toString()), java.util.stream.Stream.of(extra)).toArray(String[]::new);
    int exit = AuditVerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of());
    return exit + " " + out.toString(StandardCharsets.UTF_8);
  }

  private static List<Kind> kinds(Verification verification) {
    return verification.findings().stream().map(Finding::kind).toList();
  }

  @Test
  void anUntouchedChainVerifiesWithTheCommandToo() {
    Verification verification = appendTen().verify();

    assertThat(verification.valid()).isTrue();
    assertThat(verification.entries()).isEqualTo(10);
    assertThat(verification.findings()).isEmpty();
    assertThat(jdbc.queryForList("select distinct key_id from audit_log", String.class)).containsExactly(KEY.id());
    assertThat(command()).startsWith("0 audit chain VALID: 10 entries (0 legacy");
  }

  @Test
  void aRowDeletedAndTheRestReChainedWithPlainSha256IsReportedByVerifyAndTheCommand() {
    AuditLog audit = appendTen();
    attacker.deleteAndCloseTheGap(4);
    attacker.rechainFrom(4, ChainAttacker::plainSha256, KEY.id());

    Verification verification = audit.verify();

    assertThat(verification.valid()).isFalse();
    assertThat(verification.firstBroken()).isEqualTo(4);
    assertThat(verification.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Kind.ALTERED);
      assertThat(f.seq()).isEqualTo(4);
      assertThat(f.lastSeq()).isEqualTo(9);
    });
    assertThat(verification.reason()).contains("entries seq 4 to 9").contains("re-chained without the key");
    assertThat(command()).startsWith("1 audit chain BROKEN at entry seq 4 ").contains("ALTERED: entries seq 4 to 9");
  }

  @Test
  void aRowDeletedAndTheRestReChainedAsLegacyEntriesIsReported() {
    AuditLog audit = appendTen();
    attacker.deleteAndCloseTheGap(4);
    attacker.rechainFrom(4, ChainAttacker::plainSha256, null);

    Verification verification = audit.verify();

    assertThat(verification.valid()).isFalse();
    assertThat(verification.firstBroken()).isEqualTo(4);
    assertThat(kinds(verification)).containsExactly(Kind.LEGACY_AFTER_KEYED);
    assertThat(command()).startsWith("1 audit chain BROKEN at entry seq 4 ").contains("LEGACY_AFTER_KEYED: entries seq 4 to 9");
  }

  @Test
  void aDeletedRowIsReportedAsASequenceGap() {
    AuditLog audit = appendTen();
    jdbc.update("delete from audit_log where seq = 6");

    Verification verification = audit.verify();

    assertThat(verification.valid()).isFalse();
    assertThat(verification.firstBroken()).isEqualTo(6);
    assertThat(kinds(verification)).containsExactly(Kind.SEQUENCE_GAP);
    assertThat(verification.reason()).isEqualTo("entry seq 6 is missing: deleted");
  }

  @Test
  void aChangedFieldIsReportedAtItsEntry() {
    AuditLog audit = appendTen();
    jdbc.update("update audit_log set result = '203' where seq = 7");

    Verification verification = audit.verify();

    assertThat(verification.firstBroken()).isEqualTo(7);
    assertThat(verification.findings()).singleElement().satisfies(f -> assertThat(f).isEqualTo(new Finding(Kind.ALTERED, 7L, 7L,
        "entry seq 7: its hash does not match its fields (changed, inserted, or written again without the key)")));
  }

  @Test
  void rowsCutOffTheEndAreReportedWhileTheHeadStillNamesThem() {
    AuditLog audit = appendTen();
    attacker.cutAfter(7);

    Verification verification = audit.verify();

    assertThat(verification.valid()).isFalse();
    assertThat(verification.firstBroken()).isEqualTo(8);
    assertThat(kinds(verification)).containsExactly(Kind.TRUNCATED);
  }

  @Test
  void legacyEntriesBeforeTheKeyedOnesVerifyAndAreCounted() {
    for (int i = 1; i <= 3; i++) {
      attacker.insertAfterLast(ChainAttacker::plainSha256, null, "written before the key " + i);
    }
    AuditLog audit = audit(AuditKeys.of(KEY));
    audit.append("system", null, "after the key", null, "ok", null);
    audit.append("system", null, "after the key", null, "ok", null);

    Verification verification = audit.verify();

    assertThat(verification.findings()).isEmpty();
    assertThat(verification.valid()).isTrue();
    assertThat(verification.entries()).isEqualTo(5);
    assertThat(verification.legacyEntries()).isEqualTo(3);
    assertThat(command()).startsWith("0 audit chain VALID: 5 entries (3 legacy");
  }

  @Test
  void aLegacyEntryAfterKeyedEntriesIsABreak() {
    AuditLog audit = audit(AuditKeys.of(KEY));
    audit.append("system", null, "keyed", null, "ok", null);
    audit.append("system", null, "keyed", null, "ok", null);
    attacker.insertAfterLast(ChainAttacker::plainSha256, null, "slipped in without the key");

    Verification verification = audit.verify();

    assertThat(verification.valid()).isFalse();
    assertThat(verification.firstBroken()).isEqualTo(3);
    assertThat(verification.legacyEntries()).isZero();
    assertThat(kinds(verification)).containsExactly(Kind.LEGACY_AFTER_KEYED);
  }

  @Test
  void afterARotationEntriesOfTheRetiredKeyVerifyOnlyWithThatKeyGiven() {
    appendTen();
    AuditLog rotated = audit(new AuditKeys(OTHER_KEY, List.of(KEY)));
    rotated.append("system", null, "after the rotation", null, "ok", null);

    assertThat(rotated.verify().valid()).isTrue();
    Verification withoutRetired = audit(AuditKeys.of(OTHER_KEY)).verify();
    assertThat(withoutRetired.valid()).isFalse();
    assertThat(kinds(withoutRetired)).as("the entries, and the start-up checkpoint signed with the retired key")
        .containsExactly(Kind.UNKNOWN_KEY, Kind.CHECKPOINT_FORGED);
    assertThat(withoutRetired.findings().get(0).message()).contains("entries seq 1 to 10").contains(KEY.id());
  }

  @Test
  void aCommandWithoutAReadableKeyExitsWithThree() throws IOException {
    appendTen();
    Files.write(keyFile, new byte[16]);

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = AuditVerifyCommand.run(new String[] {"--url", url, "--user", "sa", "--password", "", "--key-file", keyFile.toString()}, System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

    assertThat(exit).isEqualTo(3);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("holds 16 bytes; at least 32");
  }

  @Test
  void reChainingWithTheKeyAfterACheckpointIsReportedAsACheckpointMismatch() {
    AuditLog audit = appendTen();
    checkpoints.write();
    audit.append("system", null, "after the checkpoint", null, "ok", null);
    attacker.deleteAndCloseTheGap(4);
    attacker.rechainFrom(4, ChainAttacker.withKey(KEY), KEY.id());

    Verification verification = audit.verify();

    assertThat(verification.valid()).isFalse();
    assertThat(verification.firstBroken()).isEqualTo(10);
    assertThat(verification.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Kind.CHECKPOINT_MISMATCH);
      assertThat(f.message()).contains("by node node-a names entry seq 10").endsWith("the chain was rewritten after that checkpoint");
    });
    assertThat(command()).startsWith("1 audit chain BROKEN at entry seq 10 ").contains("CHECKPOINT_MISMATCH: checkpoint of ");
  }

  @Test
  void rowsCutOffTheEndAfterACheckpointAreReportedAsTruncationEvenWithTheHeadMovedBack() {
    AuditLog audit = appendTen();
    checkpoints.write();
    attacker.cutAfter(7);
    attacker.moveHeadToLastEntry();

    Verification verification = audit.verify();

    assertThat(verification.valid()).isFalse();
    assertThat(verification.firstBroken()).isEqualTo(8);
    assertThat(verification.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Kind.TRUNCATED);
      assertThat(f.message()).contains("names seq 10 but the last entry is 7: entries 8 to 10 were cut off");
    });
    assertThat(command()).startsWith("1 audit chain BROKEN at entry seq 8 ").contains("TRUNCATED: ");
  }

  @Test
  void anAlteredCheckpointLineIsReported() throws IOException {
    AuditLog audit = appendTen();
    checkpoints.write();
    String hashOfSeven = jdbc.queryForObject("select hash from audit_log where seq = 7", String.class);
    List<String> lines = Files.readAllLines(checkpointFile);
    String last = lines.get(lines.size() - 1);
    String altered = last.replace(" seq=10 ", " seq=7 ").replaceAll("hash=[0-9a-f]{64}", "hash=" + hashOfSeven);
    Files.writeString(checkpointFile, lines.get(0) + "\n" + altered + "\n");

    Verification verification = audit.verify();

    assertThat(verification.valid()).isFalse();
    assertThat(verification.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Kind.CHECKPOINT_FORGED);
      assertThat(f.message()).isEqualTo("checkpoint file " + checkpointFile + " line 2: its HMAC does not verify: the line was altered or forged");
    });
    assertThat(command()).startsWith("1 audit chain BROKEN (of 10 entries").contains("CHECKPOINT_FORGED: ");
  }

  @Test
  void aCheckpointFileThatWentBackIsReported() throws IOException {
    appendTen();
    checkpoints.write();
    List<String> lines = Files.readAllLines(checkpointFile);
    Files.write(checkpointFile, List.of(lines.get(1), lines.get(0)));

    assertThat(kinds(audit(AuditKeys.of(KEY)).verify())).containsExactly(Kind.CHECKPOINT_OUT_OF_ORDER);
  }

  @Test
  void aMissingCheckpointFileIsReported() throws IOException {
    AuditLog audit = appendTen();
    Files.delete(checkpointFile);

    assertThat(kinds(audit.verify())).containsExactly(Kind.CHECKPOINTS_MISSING);
    assertThat(command("--checkpoints", "none")).startsWith("0 audit chain VALID");
  }

  @Test
  void theCheckpointsOfTwoNodesAndTheirShippedLogLinesVerifyAgainstTheSharedChain() throws IOException {
    AuditLog audit = appendTen();
    Path otherFile = dir.resolve("node-b-checkpoints.log");
    AuditCheckpoints otherNode = new AuditCheckpoints(jdbc, Clock.systemUTC(), KEY, otherFile, Duration.ofMinutes(1), "node-b");
    otherNode.write();
    checkpoints.write();
    audit.append("system", null, "more", null, "ok", null);
    otherNode.write();
    Path shipped = dir.resolve("shipped.log");
    Files.write(shipped, Files.readAllLines(checkpointFile).stream()
        .map(line -> "2025-06-01T08:00:00.000Z  INFO 4242 --- [audit-checkpoint] healthgate.audit.checkpoint : audit checkpoint " + line).toList());

    Verification verification = audit.verify(List.of(checkpointFile, otherFile, shipped));

    assertThat(verification.findings()).isEmpty();
    assertThat(verification.checkpoints()).isEqualTo(2 + 2 + 2);
    assertThat(command("--checkpoints", otherFile.toString())).startsWith("0 audit chain VALID: 11 entries").contains("; 4 checkpoints agree");
  }
}
