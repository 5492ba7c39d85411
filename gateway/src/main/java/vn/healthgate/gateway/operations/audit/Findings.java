package vn.healthgate.gateway.operations.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import vn.healthgate.gateway.operations.audit.AuditLog.Finding;
import vn.healthgate.gateway.operations.audit.AuditLog.Finding.Kind;

/**
 * What a verification found, in bounded memory: consecutive entries with the same finding become one finding (a chain re-written
 * from entry 5 on is one line, not a million), at most {@value #MAX} are kept and the rest counted.
 */
final class Findings {
  static final int MAX = 20;

  private final List<Finding> kept = new ArrayList<>();
  private long leftOut;
  private Long firstBroken;
  private String reason;
  private Kind runKind;
  private String runDetail;
  private long runFirst;
  private long runLast;

  /** A finding about entry {@code seq}; extends the open run when it is the same finding about the next entry. */
  void entry(Kind kind, long seq, String detail) {
    if (kind == runKind && Objects.equals(detail, runDetail) && seq == runLast + 1) {
      runLast = seq;
      return;
    }
    closeRun();
    runKind = kind;
    runDetail = detail;
    runFirst = seq;
    runLast = seq;
  }

  /** A finding of its own, about entries {@code seq} to {@code lastSeq} (null: about no entry). */
  void add(Kind kind, Long seq, Long lastSeq, String message) {
    keep(new Finding(kind, seq, lastSeq, message));
  }

  boolean none() {
    return runKind == null && kept.isEmpty() && leftOut == 0;
  }

  Long firstBroken() {
    closeRun();
    return firstBroken;
  }

  /** The first finding in words (null: none). */
  String reason() {
    closeRun();
    return reason;
  }

  long leftOut() {
    closeRun();
    return leftOut;
  }

  /** The kept findings, those naming entries in entry order first. */
  List<Finding> list() {
    closeRun();
    return kept.stream().sorted(Comparator.comparing(Finding::seq, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
  }

  private void closeRun() {
    if (runKind != null) {
      Kind kind = runKind;
      runKind = null;
      keep(new Finding(kind, runFirst, runLast, entryMessage(kind, runFirst, runLast, runDetail)));
    }
  }

  private void keep(Finding finding) {
    if (finding.seq() != null && (firstBroken == null || finding.seq() < firstBroken)) {
      firstBroken = finding.seq();
      reason = finding.message();
    } else if (reason == null) {
      reason = finding.message();
    }
    if (kept.size() < MAX) {
      kept.add(finding);
    } else {
      leftOut++;
    }
  }

  private static String entryMessage(Kind kind, long first, long last, String detail) {
    String which = first == last ? "entry seq " + first : "entries seq " + first + " to " + last + " (" + (last - first + 1) + " entries)";
    return which + switch (kind) {
      case ALTERED -> first == last ? ": its hash does not match its fields (changed, inserted, or written again without the key)"
          : ": their hashes do not match their fields (changed, inserted, or re-chained without the key)";
      case UNKNOWN_KEY -> ": signed with key id " + detail + ", which is not among the keys given (a retired key is missing, or forged)";
      case LEGACY_AFTER_KEYED -> ": unkeyed (legacy) after keyed entries: written without the key";
      case BROKEN_LINK -> ": prev_hash is not the hash of the entry before it (an entry was replaced, or the chain was cut and joined)";
      default -> ": " + kind;
    };
  }
}
