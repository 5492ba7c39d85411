package vn.healthgate.routes.text;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/**
 * Refuses text that a signed XML 1.0 document cannot carry, in every string of a request: a check-in
 * or certificate ends up in one, and the signer cannot serialise such text (it would fail after the
 * 202, not at intake). Refused: control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F)
 * other than tab, LF and CR; surrogate code units that are not part of a pair; the non-characters
 * U+FFFE and U+FFFF.
 *
 * <p>{@link #check(Object)} walks the request as data, not field by field: every {@code String} in a
 * record component, in nested records, lists and map values, so a field added later is covered
 * without another line here. The field is reported as a JSON path ({@code person.address.line},
 * {@code items[2].name}); the offending text never appears in the error.
 */
public final class TextCharacters {
  private TextCharacters() {}

  /** Throws {@link ErrorCode#TEXT_CHARACTERS} naming the first string of {@code request} holding a refused character. */
  public static void check(Object request) {
    walk(request, "");
  }

  /** True when a signed XML 1.0 document can carry every character of {@code text}. */
  public static boolean carriable(CharSequence text) {
    return firstRefused(text) < 0;
  }

  /** The index of the first refused character of {@code text}, or -1. */
  public static int firstRefused(CharSequence text) {
    int i = 0;
    while (i < text.length()) {
      int codePoint = Character.codePointAt(text, i);
      if (!allowed(codePoint)) {
        return i;
      }
      i += Character.charCount(codePoint);
    }
    return -1;
  }

  private static boolean allowed(int codePoint) {
    if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r') {
      return true;
    }
    if (Character.getType(codePoint) == Character.CONTROL) {
      return false;
    }
    // a surrogate code unit here is a lone one: codePointAt joins a well-formed pair into one code point
    if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
      return false;
    }
    return codePoint != 0xFFFE && codePoint != 0xFFFF;
  }

  private static void walk(Object value, String path) {
    if (value == null) {
      return;
    }
    if (value instanceof CharSequence text) {
      if (!carriable(text)) {
        throw new GatewayException(ErrorCode.TEXT_CHARACTERS, path.isEmpty() ? null : path);
      }
    } else if (value instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        walk(read(component, record), join(path, component.getName()));
      }
    } else if (value instanceof Iterable<?> items) {
      int index = 0;
      for (Object item : items) {
        walk(item, path + "[" + index++ + "]");
      }
    } else if (value instanceof Object[] items) {
      for (int index = 0; index < items.length; index++) {
        walk(items[index], path + "[" + index + "]");
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        if (!carriable(key)) {
          throw new GatewayException(ErrorCode.TEXT_CHARACTERS, path.isEmpty() ? null : path);
        }
        walk(entry.getValue(), join(path, key));
      }
    }
    // numbers, booleans, enums and dates hold no text
  }

  private static Object read(RecordComponent component, Record record) {
    Method accessor = component.getAccessor();
    try {
      if (!accessor.canAccess(record)) {
        accessor.setAccessible(true);
      }
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + record.getClass().getSimpleName() + "." + component.getName(), e);
    }
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
