package vn.healthgate.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.healthgate.certs.cli.CertsCli;

/** The admins' CLI: the whole round trip, and clear errors with meaningful exit codes. */
class CertsCliTest {
  private static final Map<String, String> ENV = Map.of("CERTS_CA_PASSWORD", "ca-secret-from-env", "CERTS_KEYSTORE_PASSWORD", "ks-secret-from-env");

  @TempDir Path work;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int certs(Map<String, String> env, String... args) {
    out.reset();
    err.reset();
    return new CertsCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env, Clock.systemUTC()).run(args);
  }

  private int certs(String... args) {
    return certs(ENV, args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void initIssueSignVerifyRevokeVerifyFails() throws Exception {
    Path ca = work.resolve("ca");
    Path keys = work.resolve("keys");
    Path document = work.resolve("check-in.xml");
    Path signed = work.resolve("check-in.signed.xml");
    Files.write(document, Samples.checkIn());

    assertThat(certs("init", "--dir", ca.toString(), "--name", "Binh Phuoc Health")).isZero();
    assertThat(certs("issue", "--dir", ca.toString(), "--facility", "70001", "--facility-name", "Bệnh viện Đa khoa tỉnh Bình Phước",
        "--usage", "both", "--out", keys.toString())).isZero();
    assertThat(out()).contains("facility-signing certificate serial 3e9").contains("his-tls-client certificate serial 3ea");
    assertThat(certs("sign", "--keystore", keys.resolve("70001-signing.p12").toString(), "--in", document.toString(),
        "--out", signed.toString(), "--inside", "CHUKYDONVI")).isZero();
    assertThat(certs("verify", "--dir", ca.toString(), "--in", signed.toString())).isZero();
    assertThat(out()).startsWith("VALID RSA_SHA256");
    assertThat(certs("revoke", "--dir", ca.toString(), "--serial", "3e9", "--reason", "key-compromise")).isZero();
    assertThat(certs("list", "--dir", ca.toString())).isZero();
    assertThat(out()).contains("REVOKED KEY_COMPROMISE").contains("HIS_TLS_CLIENT");

    assertThat(certs("verify", "--dir", ca.toString(), "--in", signed.toString())).isEqualTo(CertsCli.INVALID);
    assertThat(out()).startsWith("INVALID CERTIFICATE_REVOKED");
  }

  @Test
  void tamperedFileFailsVerificationWithExitCodeOne() throws Exception {
    Path ca = work.resolve("ca");
    certs("init", "--dir", ca.toString(), "--name", "Test", "--key", "ec-p256");
    certs("issue", "--dir", ca.toString(), "--facility", "70002", "--facility-name", "Bệnh viện Y dược cổ truyền", "--out", work.toString(), "--key", "ec-p256");
    Files.write(work.resolve("c.xml"), Samples.driverCertificate());
    assertThat(certs("sign", "--keystore", work.resolve("70002-signing.p12").toString(), "--in", work.resolve("c.xml").toString(), "--out", work.resolve("s.xml").toString())).isZero();
    Files.writeString(work.resolve("s.xml"), Files.readString(work.resolve("s.xml")).replace("<MATUY>0<", "<MATUY>1<"));

    assertThat(certs("verify", "--dir", ca.toString(), "--in", work.resolve("s.xml").toString())).isEqualTo(CertsCli.INVALID);
    assertThat(out()).startsWith("INVALID DIGEST_MISMATCH");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"init", "issue", "revoke", "list", "crl", "sign", "verify"}) {
      assertThat(certs(command, "--help")).as(command).isZero();
      assertThat(out()).as(command).startsWith("certs " + command);
    }
  }

  @Test
  void wrongUsageExitsWithTwoAndSaysWhy() {
    assertThat(certs()).isEqualTo(CertsCli.USAGE);
    assertThat(certs("frobnicate")).isEqualTo(CertsCli.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command: frobnicate");
    assertThat(certs("init", "--name", "X")).isEqualTo(CertsCli.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing --dir");
    assertThat(certs(Map.of(), "init", "--dir", work.resolve("x").toString(), "--name", "X")).isEqualTo(CertsCli.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("$CERTS_CA_PASSWORD");
  }

  @Test
  void aValidityOfLessThanOneDayIsWrongUsageWithAOneLineReasonAndIssuesNothing() throws Exception {
    Path ca = work.resolve("ca");
    Path keys = work.resolve("keys");
    certs("init", "--dir", ca.toString(), "--name", "Test");
    for (String days : new String[] {"-1", "0", "-365", "abc", "1.5", "", "99999999999999999999", "4000000"}) {
      assertThat(certs("issue", "--dir", ca.toString(), "--facility", "70001", "--facility-name", "X", "--out", keys.toString(), "--days", days))
          .as("issue --days '%s'", days).isEqualTo(CertsCli.USAGE);
      String firstLine = err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
      assertThat(firstLine).as(days).startsWith("--days ").doesNotContain("\tat ").doesNotContain("Exception");
      assertThat(certs("issue-admin", "--dir", ca.toString(), "--name", "An Admin", "--out", keys.toString(), "--days", days))
          .as("issue-admin --days '%s'", days).isEqualTo(CertsCli.USAGE);
      assertThat(err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("")).as(days).startsWith("--days ");
    }
    assertThat(Files.exists(keys) ? Files.list(keys).count() : 0).isZero();
    assertThat(certs("list", "--dir", ca.toString())).isZero();
    assertThat(out()).doesNotContain("FACILITY_SIGNING").doesNotContain("ADMIN_TLS_CLIENT");
    // checked before anything else: even without a CA it is wrong usage, not a failed operation
    assertThat(certs("issue", "--dir", work.resolve("no-ca").toString(), "--facility", "70001", "--facility-name", "X", "--out", keys.toString(),
        "--days", "0")).isEqualTo(CertsCli.USAGE);
  }

  @Test
  void aValidityOfOneDayIsIssued() {
    Path ca = work.resolve("ca");
    certs("init", "--dir", ca.toString(), "--name", "Test");

    assertThat(certs("issue", "--dir", ca.toString(), "--facility", "70001", "--facility-name", "X", "--out", work.resolve("keys").toString(),
        "--days", "1")).isZero();
    assertThat(out()).contains("facility-signing certificate serial");
  }

  @Test
  void wrongPasswordIsAFailureNotAStackTrace() {
    Path ca = work.resolve("ca");
    certs("init", "--dir", ca.toString(), "--name", "Test");

    assertThat(certs(Map.of("CERTS_CA_PASSWORD", "wrong"), "list", "--dir", ca.toString())).isEqualTo(CertsCli.FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("failed").doesNotContain("\tat ");
  }

  @Test
  void privateKeysAndPasswordsNeverAppearInOutput() throws Exception {
    Path ca = work.resolve("ca");
    certs("init", "--dir", ca.toString(), "--name", "Test");
    certs("issue", "--dir", ca.toString(), "--facility", "70001", "--facility-name", "X", "--out", work.toString());
    String all = out() + err.toString(StandardCharsets.UTF_8);
    assertThat(all).doesNotContain("PRIVATE KEY").doesNotContain("ca-secret-from-env").doesNotContain("ks-secret-from-env");
  }
}
