package vn.healthgate.gateway.operations.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The key new entries and checkpoints are signed with, and retired keys that older entries and checkpoints were signed with, by id. */
public final class AuditKeys {
  private final AuditKey current;
  private final Map<String, AuditKey> byId = new LinkedHashMap<>();

  public AuditKeys(AuditKey current, List<AuditKey> retired) {
    this.current = current;
    byId.put(current.id(), current);
    retired.forEach(key -> byId.putIfAbsent(key.id(), key));
  }

  /** Only the current key. */
  public static AuditKeys of(AuditKey current) {
    return new AuditKeys(current, List.of());
  }

  public AuditKey current() {
    return current;
  }

  /** The key with that id, or null when it is not among these. */
  AuditKey byId(String id) {
    return byId.get(id);
  }

  /** The ids of all keys, the current one first. */
  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }
}
