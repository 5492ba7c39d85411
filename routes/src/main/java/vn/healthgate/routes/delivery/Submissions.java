package vn.healthgate.routes.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/**
 * Intake of check-in notices and certificates into the outbox, step by step as the intake routes call it
 * ({@link IntakeRoutes}: validate, then store; idempotent: the same document twice returns the first, a different one
 * with the same number is a conflict), the submissions as facilities and admins read them, and the admin replay of
 * dead letters.
 */
public class Submissions {
  /** The longest {@code Idempotency-Key} the outbox stores (its column is {@code varchar(200)}). */
  public static final int IDEMPOTENCY_KEY_MAX_LENGTH = 200;

  /** What intake did: the stored submission, and whether this call created it. */
  public record Intake(Submission submission, boolean created) {}

  private final Outbox outbox;
  private final CheckInValidator checkIns;
  private final CertificateValidator certificates;
  private final DocumentSigner signer;
  private final Clock clock;

  public Submissions(Outbox outbox, CheckInValidator checkIns, CertificateValidator certificates, DocumentSigner signer, Clock clock) {
    this.outbox = outbox;
    this.checkIns = checkIns;
    this.certificates = certificates;
    this.signer = signer;
    this.clock = clock;
  }

  /** Step {@code validate} of a check-in: the {@code Idempotency-Key} (checked first), then the notice as the portal's document. */
  public PortalDocument validateCheckIn(CheckInRequest request, String idempotencyKey) {
    checkIdempotencyKey(idempotencyKey);
    return checkIns.validate(request);
  }

  /** Step {@code validate} of a new certificate ({@code STATE=ADD}). */
  public PortalDocument validateCertificate(CertificateRequest request, String idempotencyKey) {
    checkIdempotencyKey(idempotencyKey);
    return certificates.validate(request, "ADD");
  }

  /**
   * Step {@code validate} of a correction ({@code STATE=EDIT}) of certificate {@code id}, which the portal must have accepted,
   * as seen by {@code facilityCode} (null: an admin); the corrected document keeps the original's number.
   */
  public PortalDocument validateCorrection(String id, String facilityCode, CertificateRequest request, String idempotencyKey) {
    checkIdempotencyKey(idempotencyKey);
    Submission original = find(id, facilityCode);
    if (original.kind() != DocumentKind.CERTIFICATE || !original.operation().equals("ADD")) {
      throw new GatewayException(ErrorCode.SUBMISSION_NOT_FOUND, "id");
    }
    if (original.status() != SubmissionStatus.ACCEPTED) {
      throw new GatewayException(ErrorCode.EDIT_NOT_ALLOWED, "id");
    }
    PortalDocument document = certificates.validate(request, "EDIT");
    if (!document.businessKey().equals(original.businessKey())) {
      throw new GatewayException(ErrorCode.FIELD_FORMAT, "number");
    }
    return document;
  }

  /**
   * Step {@code store}: the same document again (same {@code Idempotency-Key}, or same number and content) returns the first
   * one; another with the same key or number conflicts; a facility without a signing key is refused; otherwise one INSERT.
   */
  public Intake store(PortalDocument document, String idempotencyKey) {
    String hash = DocumentJson.hash(document);
    Optional<Intake> existing = existing(document, hash, idempotencyKey);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (!signer.canSign(document.facilityCode())) {
      throw new GatewayException(ErrorCode.NO_SIGNING_KEY, "facilityCode");
    }
    try {
      return new Intake(outbox.insert(document, DocumentJson.write(document), hash, idempotencyKey, clock.instant()), true);
    } catch (DuplicateSubmissionException raced) {
      return existing(document, hash, idempotencyKey).orElseThrow(() -> raced);
    }
  }

  /**
   * The submission with this id, as seen by {@code facilityCode} (null: an admin, who sees all).
   * Another facility's submission is refused with 403: ids are random UUIDs, so this discloses nothing guessable.
   */
  public Submission find(String id, String facilityCode) {
    Submission submission = outbox.find(id).orElseThrow(() -> new GatewayException(ErrorCode.SUBMISSION_NOT_FOUND, "id"));
    if (facilityCode != null && !submission.facilityCode().equals(facilityCode)) {
      throw new GatewayException(ErrorCode.FACILITY_FORBIDDEN, "id");
    }
    return submission;
  }

  public List<Submission> list(SubmissionFilter filter) {
    return outbox.list(filter);
  }

  /** How many submissions match {@code filter}, whatever its page. */
  public long count(SubmissionFilter filter) {
    return outbox.count(filter);
  }

  /** Puts one dead letter back in the queue with a fresh retry budget. */
  public Submission replay(String id) {
    Submission submission = find(id, null);
    if (submission.status() != SubmissionStatus.DEAD_LETTER) {
      throw new GatewayException(ErrorCode.NOT_DEAD_LETTER, "id");
    }
    outbox.requeue(id, clock.instant());
    return outbox.find(id).orElseThrow();
  }

  /** The dead letters matching {@code filter}; replayed unless {@code dryRun}. */
  public List<Submission> replayAll(SubmissionFilter filter, boolean dryRun) {
    SubmissionFilter deadLetters = new SubmissionFilter(filter.facilityCode(), SubmissionStatus.DEAD_LETTER, filter.kind(), filter.episodeId(), filter.number(), filter.since(), 0,
        10_000);
    List<Submission> matching = outbox.list(deadLetters);
    if (!dryRun) {
      matching.forEach(s -> outbox.requeue(s.id(), clock.instant()));
    }
    return matching;
  }

  /** A key longer than the outbox stores is the caller's mistake (400), refused before anything is looked up or stored. */
  private static void checkIdempotencyKey(String idempotencyKey) {
    if (idempotencyKey != null && idempotencyKey.length() > IDEMPOTENCY_KEY_MAX_LENGTH) {
      throw new GatewayException(ErrorCode.PARAMETER_INVALID, "Idempotency-Key");
    }
  }

  private Optional<Intake> existing(PortalDocument document, String hash, String idempotencyKey) {
    if (idempotencyKey != null) {
      Optional<Submission> byKey = outbox.findByIdempotencyKey(document.facilityCode(), idempotencyKey);
      if (byKey.isPresent()) {
        if (!byKey.get().payloadHash().equals(hash)) {
          throw new GatewayException(ErrorCode.IDEMPOTENCY_CONFLICT, "Idempotency-Key");
        }
        return Optional.of(new Intake(byKey.get(), false));
      }
    }
    Optional<Submission> byNumber = outbox.findByKey(document.kind(), document.facilityCode(), document.businessKey(), document.operation());
    if (byNumber.isPresent()) {
      if (byNumber.get().payloadHash().equals(hash)) {
        return Optional.of(new Intake(byNumber.get(), false));
      }
      if (document.operation().equals("ADD")) {
        throw new GatewayException(ErrorCode.DUPLICATE_CONFLICT, document.kind() == DocumentKind.CHECK_IN ? "episodeId" : "number");
      }
    }
    return Optional.empty();
  }
}
