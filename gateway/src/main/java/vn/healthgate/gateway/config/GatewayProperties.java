package vn.healthgate.gateway.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Typed configuration of the gateway ({@code gateway.*}), validated at start-up.
 *
 * @param dataDir where the H2 database, the development PKI and other local state live
 * @param portal how to reach the insurance portal
 * @param simulator the in-process portal simulator (default run only)
 * @param pki the facilities' signing key stores and, in development, the CA that issues them
 * @param devApiKeys accept the {@code X-Api-Key} header (development convenience; off in production)
 * @param adminApiKey the development admin key for {@code /api/v1/admin/**} (only with {@code dev-api-keys})
 * @param outbox durable delivery of check-ins and certificates
 * @param facilities the onboarded facilities
 * @param tls the HTTPS listener that identifies facilities and admins by client certificate
 * @param retention how long personal data in document bodies is kept
 * @param health thresholds of the health components
 * @param audit the key of the audit chain and its checkpoints
 * @param administrativeMap which administrative map certificates' address codes are sent in (since 2025-07-01: province and commune)
 */
@Validated
@ConfigurationProperties(prefix = "gateway")
public record GatewayProperties(
    @NotNull Path dataDir,
    @NotNull @Valid Portal portal,
    @NotNull @Valid Simulator simulator,
    @NotNull @Valid Pki pki,
    boolean devApiKeys,
    String adminApiKey,
    @NotNull @Valid Outbox outbox,
    @NotNull @Valid List<Facility> facilities,
    @NotNull @Valid Tls tls,
    @NotNull @Valid Retention retention,
    @NotNull @Valid Health health,
    @NotNull @Valid Audit audit,
    @NotNull @Valid AdministrativeMap administrativeMap) {

  /**
   * @param districts the portal still takes district codes (the map before 2025-07-01); false: a certificate's district is
   *     dropped and its old province and commune codes converted with the tables below
   * @param provinces old province code → current one
   * @param communes old commune code → current one (from Decision 19/2025/QĐ-TTg; a code not listed is sent as given)
   */
  public record AdministrativeMap(boolean districts, Map<String, String> provinces, Map<String, String> communes) {
    /** An empty table in YAML ({@code {}}) binds as none: both mean "no conversion". */
    public AdministrativeMap {
      provinces = provinces == null ? Map.of() : Map.copyOf(provinces);
      communes = communes == null ? Map.of() : Map.copyOf(communes);
    }
  }

  /**
   * @param backlogAgeDown the outbox component is DOWN when its oldest pending document is older than this
   * @param atRiskAge pending documents older than this are listed as at risk on the admin page
   * @param deadLettersDown the dead-letter component is DOWN from this many dead letters on
   * @param certificateWarning a signing certificate expiring within this is WARNING (expired: DOWN)
   * @param portalSilenceDown the portal components are DOWN when calls fail and the last success is older than this
   * @param statisticsCacheTtl outbox counts are recomputed at most this often (health, gauges, admin page)
   */
  public record Health(@NotNull Duration backlogAgeDown, @NotNull Duration atRiskAge, @jakarta.validation.constraints.PositiveOrZero int deadLettersDown,
      @NotNull Duration certificateWarning, @NotNull Duration portalSilenceDown, @NotNull Duration statisticsCacheTtl) {}

  /**
   * @param enabled open the HTTPS listener (client certificate required)
   * @param port its port (0 picks a free one)
   * @param keyStore the gateway's TLS server key store (PKCS#12); in development issued from the development CA on first start
   * @param keyStorePassword its password, from the environment in production ({@code GATEWAY_TLS_KEYSTORE_PASSWORD})
   * @param hosts host names and IP addresses the development server certificate names
   * @param clientCaRoot PEM of the root CA that client certificates chain to
   * @param clientCaIssuing PEM of the issuing CA below it
   * @param clientCrl PEM of the issuing CA's CRL; re-read whenever the file changes
   */
  public record Tls(boolean enabled, int port, @NotNull Path keyStore, @NotBlank String keyStorePassword, List<String> hosts,
      @NotNull Path clientCaRoot, @NotNull Path clientCaIssuing, @NotNull Path clientCrl) {
    @Override
    public String toString() {
      return "Tls[port " + port + ", " + keyStore + "]";
    }
  }

  /**
   * @param documentBodies delivered (accepted or rejected) documents older than this lose their bodies; status and evidence hashes stay
   * @param interval how often the retention job runs
   */
  public record Retention(@NotNull Duration documentBodies, @NotNull Duration interval) {}

  /**
   * @param baseUrl the portal's base URL (ignored while the in-process simulator is enabled)
   * @param connectTimeout TCP connect timeout
   * @param requestTimeout bound of one HTTP exchange with the portal
   * @param tokenRefreshMargin renew a token this long before it expires
   * @param tokenMaxAge never use a token longer than this
   * @param deliveryRequestTimeout bound of one check-in or certificate delivery (keep it below the delivery time limits)
   * @param answers the sentences of the portal's answers that carry no code
   * @param provinceCode the province code ({@code maTinh}) sent with each check-in, unless the facility names its own: the
   *     current administrative map (since 2025-07-01) puts Bình Phước's facilities in Đồng Nai, 75; the map before, 70
   */
  public record Portal(
      @NotNull URI baseUrl, @NotNull Duration connectTimeout, @NotNull Duration requestTimeout,
      @NotNull Duration tokenRefreshMargin, @NotNull Duration tokenMaxAge, @NotNull Duration deliveryRequestTimeout,
      @NotNull @Valid Answers answers, @NotBlank @Pattern(regexp = "\\d{2}") String provinceCode) {}

  /**
   * The sentences the portal uses where its answers have no code (matched ignoring case and composition); see
   * docs/api.md, "What the portal's answers mean".
   *
   * @param duplicate a certificate refused because its number already exists ({@code MSG_TEXT})
   * @param sameContent a duplicate whose copy at the portal has the same content (then it is ours: accepted)
   * @param differentContent a duplicate whose copy differs (then it is refused)
   * @param transactionMarker the words before the portal's transaction id in a duplicate check-in's {@code thongDiep}
   */
  public record Answers(@NotEmpty List<@NotBlank String> duplicate, @NotEmpty List<@NotBlank String> sameContent,
      @NotEmpty List<@NotBlank String> differentContent, @NotBlank String transactionMarker) {}

  /**
   * @param enabled start the portal simulator inside the gateway and point the portal client at it
   * @param port its port (0 picks a free one)
   * @param tokenLifetime lifetime of the tokens it issues
   * @param administrativeMap the map it works on: {@code current} (since 2025-07-01: Đồng Nai, 75, no districts) or
   *     {@code before-2025} (Bình Phước, 70); set {@code gateway.portal.province-code} and {@code gateway.administrative-map} to match
   */
  public record Simulator(boolean enabled, int port, @NotNull Duration tokenLifetime,
      @NotBlank @Pattern(regexp = "current|before-2025") String administrativeMap) {}

  /**
   * @param dir where the CA ({@code ca/}) and the facilities' key stores ({@code facilities/<code>-signing.p12}) live
   * @param password password of those key stores, from configuration or the environment ({@code GATEWAY_PKI_PASSWORD})
   * @param generateDevelopmentPki create a CA and a signing certificate for each configured facility on first start
   */
  public record Pki(@NotNull Path dir, @NotBlank String password, boolean generateDevelopmentPki) {
    @Override
    public String toString() {
      return "Pki[" + dir + "]";
    }
  }

  /**
   * @param pollInterval how often the outbox is polled for due documents (Camel's timer reads it: {@code 250ms}, {@code 2s})
   * @param firstPollDelay when the first poll runs after the routes start (same form)
   * @param batchSize most documents claimed per poll (never more than there are free workers)
   * @param workers documents delivered in parallel
   * @param lease how long a claim lasts (a crashed node's documents return after it)
   * @param initialRetryDelay first retry after a transient fault; doubles each time
   * @param maxRetryDelay cap of the retry delay
   * @param maxAttempts attempts before a document is dead-lettered
   * @param node this node's name in claims
   */
  public record Outbox(
      @NotNull Duration pollInterval, @NotNull Duration firstPollDelay, @jakarta.validation.constraints.Positive int batchSize, @jakarta.validation.constraints.Positive int workers,
      @NotNull Duration lease, @NotNull Duration initialRetryDelay, @NotNull Duration maxRetryDelay,
      @jakarta.validation.constraints.Positive int maxAttempts, @NotBlank String node) {}

  /**
   * @param code the facility code ({@code 70xxx})
   * @param apiKey its development API key (only with {@code dev-api-keys})
   * @param name the facility's name as the portal knows it (certificates' {@code BENHVIEN})
   * @param bvPassword password of its portal account {@code <code>_BV} (card lookups, visit history, check-in notices); from
   *     the environment in production
   * @param hsskPassword password of its portal account {@code <code>_HSSK} (driver health certificates), a separate account
   *     with its own password; from the environment in production
   * @param provinceCode the province code the portal expects for it ({@code maTinh}); default {@code gateway.portal.province-code}
   */
  public record Facility(@NotBlank @Pattern(regexp = "\\d{5}") String code, String name, String apiKey, @NotBlank String bvPassword,
      @NotBlank String hsskPassword, @Pattern(regexp = "\\d{2}") String provinceCode) {
    @Override
    public String toString() {
      return "Facility[" + code + "]";
    }
  }

  /**
   * @param keyFile the audit key: a file of at least 32 random bytes, outside the database ({@code GATEWAY_AUDIT_KEY_FILE} in production)
   * @param generateDevelopmentKey create the key file on first start if it does not exist (default run; refused in production)
   * @param retiredKeyFiles earlier keys, still needed to verify the entries and checkpoints they signed
   * @param checkpointFile this node's checkpoints of the chain head (one line each, signed with the key)
   * @param checkpointInterval how often a checkpoint is written when the head moved (also one at start-up and at shutdown)
   */
  public record Audit(@NotNull Path keyFile, boolean generateDevelopmentKey, List<Path> retiredKeyFiles, @NotNull Path checkpointFile,
      @NotNull Duration checkpointInterval) {
    public Audit {
      retiredKeyFiles = retiredKeyFiles == null ? List.of() : List.copyOf(retiredKeyFiles);
    }
  }
}
