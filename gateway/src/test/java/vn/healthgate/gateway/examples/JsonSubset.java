package vn.healthgate.gateway.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Whether an answer carries what its documentation shows (docs/examples/README.md, "Documented answers"): every
 * documented field must be there with the documented value; fields the documentation leaves out may be there too.
 *
 * <ul>
 *   <li>{@code "…"} (one character, U+2026) stands for any value that is present and not null: ids, timestamps;
 *   <li>a string ending in {@code …} stands for any string that starts with the text before it;
 *   <li>a string beginning with {@code …} stands for any string that ends with the text after it ({@code "…+07:00"});
 *   <li>an array matches element by element and has as many elements, unless its last documented element is
 *       {@code "…"}, which stands for any further elements (none included);
 *   <li>numbers are compared by value ({@code 4} and {@code 4.0} are equal); everything else exactly.
 * </ul>
 */
public final class JsonSubset {
  public static final String ANY = "…";

  private JsonSubset() {}

  /** The differences of {@code actual} from {@code documented}, each naming its JSON path; empty when it matches. */
  public static List<String> differences(JsonNode documented, JsonNode actual) {
    List<String> out = new ArrayList<>();
    compare("$", documented, actual, out);
    return out;
  }

  private static void compare(String path, JsonNode documented, JsonNode actual, List<String> out) {
    if (documented.isTextual() && documented.asText().endsWith(ANY)) {
      String prefix = documented.asText().substring(0, documented.asText().length() - 1);
      if (actual == null || actual.isMissingNode() || actual.isNull()) {
        out.add(path + ": documented, not in the answer");
      } else if (!prefix.isEmpty() && !(actual.isTextual() && actual.asText().startsWith(prefix))) {
        out.add(path + ": documented as starting with \"" + prefix + "\", the answer has " + actual);
      }
      return;
    }
    if (documented.isTextual() && documented.asText().startsWith(ANY)) {
      String suffix = documented.asText().substring(ANY.length());
      if (actual == null || actual.isMissingNode() || actual.isNull()) {
        out.add(path + ": documented, not in the answer");
      } else if (!(actual.isTextual() && actual.asText().endsWith(suffix))) {
        out.add(path + ": documented as ending with \"" + suffix + "\", the answer has " + actual);
      }
      return;
    }
    if (actual == null || actual.isMissingNode()) {
      out.add(path + ": documented, not in the answer");
      return;
    }
    if (documented.isObject()) {
      if (!actual.isObject()) {
        out.add(path + ": documented as an object, the answer has " + actual);
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = documented.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        compare(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()), out);
      }
    } else if (documented.isArray()) {
      if (!actual.isArray()) {
        out.add(path + ": documented as an array, the answer has " + actual);
        return;
      }
      int n = documented.size();
      boolean open = n > 0 && documented.get(n - 1).isTextual() && documented.get(n - 1).asText().equals(ANY);
      int fixed = open ? n - 1 : n;
      if (open ? actual.size() < fixed : actual.size() != fixed) {
        out.add(path + ": documented with " + (open ? "at least " : "") + fixed + " elements, the answer has " + actual.size());
        return;
      }
      for (int i = 0; i < fixed; i++) {
        compare(path + "[" + i + "]", documented.get(i), actual.get(i), out);
      }
    } else if (documented.isNumber()) {
      if (!actual.isNumber() || documented.decimalValue().compareTo(actual.decimalValue()) != 0) {
        out.add(path + ": documented " + documented + ", the answer has " + actual);
      }
    } else if (!documented.equals(actual)) {
      out.add(path + ": documented " + documented + ", the answer has " + actual);
    }
  }
}
