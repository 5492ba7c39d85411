package vn.healthgate.simulator.portal;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Past lookups per citizen, which the portal returns as {@code dsLichSuKT2018} (last five kept). */
public final class LookupLog {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
  private final Clock clock;
  private final Map<String, Deque<Map<String, Object>>> byCitizen = new ConcurrentHashMap<>();

  public LookupLog(Clock clock) {
    this.clock = clock;
  }

  List<Map<String, Object>> recordAndList(String cccd, String user, String code) {
    Deque<Map<String, Object>> entries = byCitizen.computeIfAbsent(cccd, k -> new ArrayDeque<>());
    synchronized (entries) {
      List<Map<String, Object>> previous = new ArrayList<>(entries);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("userKT", user);
      entry.put("thoiGianKT", STAMP.format(clock.instant()));
      entry.put("thongBao", CardLookup.MESSAGES.get(code));
      entry.put("maLoi", code);
      entries.addFirst(entry);
      while (entries.size() > 5) {
        entries.removeLast();
      }
      return previous;
    }
  }

  public void clear() {
    byCitizen.clear();
  }
}
