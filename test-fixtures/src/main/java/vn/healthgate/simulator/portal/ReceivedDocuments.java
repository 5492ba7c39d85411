package vn.healthgate.simulator.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the portal received and accepted, per facility and document id ({@code MA_LK} or {@code SO}: unique per facility,
 * so two facilities may use the same one), so losses and duplicates are visible.
 */
public final class ReceivedDocuments {

  /** One document id: how many times it arrived, and the accepted payload and receipt if any. */
  public static final class Entry {
    final String facilityCode;
    final String id;
    int arrivals;
    int accepted;
    String receipt;
    String payloadDigest;

    Entry(String facilityCode, String id) {
      this.facilityCode = facilityCode;
      this.id = id;
    }

    public Map<String, Object> view() {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("facilityCode", facilityCode);
      view.put("id", id);
      view.put("arrivals", arrivals);
      view.put("accepted", accepted);
      view.put("receipt", receipt);
      return view;
    }
  }

  private final Map<String, Map<String, Entry>> byKind = new ConcurrentHashMap<>();

  /** Records one arrival of {@code facilityCode}'s document {@code id} and returns the entry (callers synchronise on it to decide acceptance). */
  public Entry arrive(String kind, String facilityCode, String id) {
    Entry entry = byKind.computeIfAbsent(kind, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(facilityCode + "|" + id, key -> new Entry(facilityCode, id));
    synchronized (entry) {
      entry.arrivals++;
    }
    return entry;
  }

  public List<Map<String, Object>> list(String kind) {
    return byKind.getOrDefault(kind, Map.of()).values().stream().map(e -> {
      synchronized (e) {
        return e.view();
      }
    }).toList();
  }

  public void clear() {
    byKind.clear();
  }
}
