package vn.healthgate.gateway.examples;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the runnable examples out of the documentation, by the conventions of docs/examples/README.md: the requests of
 * a {@code .http} file (REST Client format) with the answer each one's comment documents, and the {@code ```http}
 * blocks of a Markdown file with the {@code → 200} line and {@code ```json} block after each.
 */
public final class ExampleFiles {
  /** {@code → 200}, {@code → `201`}, {@code → 200 application/xml}, with anything after it. */
  private static final Pattern ANSWER = Pattern.compile("^→\\s*`?(\\d{3})`?(?:\\s+`?([a-z]+/[a-z0-9.+-]+)`?)?.*$");
  private static final Pattern VARIABLE = Pattern.compile("^@([A-Za-z_][A-Za-z0-9_.-]*)\\s*=\\s*(.*)$");
  private static final Pattern NAME = Pattern.compile("^@name\\s+(\\S+)\\s*$");
  private static final Pattern REQUEST = Pattern.compile("^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\\s+(\\S+)(?:\\s+HTTP/[0-9.]+)?\\s*$");
  private static final Pattern HEADER = Pattern.compile("^([A-Za-z0-9-]+):\\s*(.*)$");

  private ExampleFiles() {}

  /** The requests of a REST Client file, in order; one whose comment documents no answer has a null answer. */
  public static List<Example> http(String source, String text) {
    List<String> lines = text.lines().toList();
    Map<String, String> variables = new LinkedHashMap<>();
    List<Example> examples = new ArrayList<>();
    int start = 0;
    while (start < lines.size()) {
      int end = start + 1;
      while (end < lines.size() && !lines.get(end).startsWith("###")) {
        end++;
      }
      Block block = block(lines, start, end, variables);
      if (block.request != null) {
        examples.add(block.example(source, variables));
      }
      start = end;
    }
    return examples;
  }

  /**
   * The {@code ```http} blocks of a Markdown file, each with the {@code → status} line and {@code ```json} block after it.
   * Every {@code ```json} block must be such an answer: one that is not (an illustration nobody runs, which can go
   * wrong unnoticed) fails, naming its line; a request's JSON body belongs in its {@code ```http} block.
   */
  public static List<Example> markdown(String source, String text) {
    List<String> lines = text.lines().toList();
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String fence = lines.get(i).strip();
      if (fence.equals("```json")) {
        throw new IllegalArgumentException(source + ":" + (i + 1) + ": a ```json block that is neither the body of an ```http request"
            + " nor the answer after its '→ <status>' line: make it a runnable example (docs/examples/README.md)");
      }
      if (fence.startsWith("```") && !fence.equals("```http")) {
        i = fence.equals("```") ? i : closingFence(lines, i + 1, source);
        continue;
      }
      if (!fence.equals("```http")) {
        continue;
      }
      int close = closingFence(lines, i + 1, source);
      Block block = block(lines, i + 1, close, new LinkedHashMap<>());
      if (block.request == null) {
        throw new IllegalArgumentException(source + ":" + (i + 1) + ": an http block without a request line");
      }
      int next = nextNonBlank(lines, close + 1);
      if (next < lines.size()) {
        Matcher answer = ANSWER.matcher(lines.get(next).strip());
        if (answer.matches()) {
          block.status = Integer.parseInt(answer.group(1));
          block.contentType = answer.group(2);
          int json = nextNonBlank(lines, next + 1);
          if (json < lines.size() && lines.get(json).strip().equals("```json")) {
            int jsonClose = closingFence(lines, json + 1, source);
            block.expected = new StringBuilder(String.join("\n", lines.subList(json + 1, jsonClose)));
            close = jsonClose;
          }
        }
      }
      examples.add(block.example(source, Map.of()));
      i = close;
    }
    return examples;
  }

  private static int closingFence(List<String> lines, int from, String source) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("```")) {
        return i;
      }
    }
    throw new IllegalArgumentException(source + ":" + from + ": a code block that is never closed");
  }

  private static int nextNonBlank(List<String> lines, int from) {
    int i = from;
    while (i < lines.size() && lines.get(i).isBlank()) {
      i++;
    }
    return i;
  }

  /** Lines {@code [start, end)}: comments and variables, then the request line, headers, a blank line and the body. */
  private static Block block(List<String> lines, int start, int end, Map<String, String> variables) {
    Block block = new Block();
    int i = start;
    if (lines.get(i).startsWith("###")) {
      block.title = lines.get(i).substring(3).strip();
      i++;
    }
    for (; i < end && block.request == null; i++) {
      String line = lines.get(i).strip();
      String comment = line.startsWith("#") ? line.substring(1).strip() : line.startsWith("//") ? line.substring(2).strip() : null;
      Matcher m;
      if (line.isEmpty()) {
        continue;
      } else if (comment != null) {
        if ((m = NAME.matcher(comment)).matches()) {
          block.name = m.group(1);
        } else if ((m = ANSWER.matcher(comment)).matches()) {
          block.status = Integer.parseInt(m.group(1));
          block.contentType = m.group(2);
          block.expected = new StringBuilder();
        } else if (block.expected != null) {
          block.expected.append(comment).append('\n');
        }
      } else if ((m = VARIABLE.matcher(line)).matches()) {
        variables.put(m.group(1), m.group(2).strip());
      } else if ((m = REQUEST.matcher(line)).matches()) {
        block.line = i + 1;
        block.request = m.group(1);
        block.target = m.group(2);
      } else {
        throw new IllegalArgumentException("line " + (i + 1) + ": neither a comment, a variable nor a request line: " + line);
      }
    }
    for (; i < end && !lines.get(i).isBlank(); i++) {
      Matcher header = HEADER.matcher(lines.get(i).strip());
      if (!header.matches()) {
        throw new IllegalArgumentException("line " + (i + 1) + ": not a header: " + lines.get(i));
      }
      block.headers.add(new AbstractMap.SimpleImmutableEntry<>(header.group(1), header.group(2).strip()));
    }
    int bodyEnd = end;
    while (bodyEnd > i && lines.get(bodyEnd - 1).isBlank()) {
      bodyEnd--;
    }
    block.body = bodyEnd > i + 1 ? String.join("\n", lines.subList(i + 1, bodyEnd)) : null;
    return block;
  }

  private static final class Block {
    String title;
    String name;
    int line;
    String request;
    String target;
    final List<Map.Entry<String, String>> headers = new ArrayList<>();
    String body;
    Integer status;
    String contentType;
    StringBuilder expected;

    Example example(String source, Map<String, String> variables) {
      Example.Answer answer = null;
      if (status != null) {
        String json = expected == null || expected.toString().isBlank() ? null : expected.toString().strip();
        answer = new Example.Answer(status, contentType, json);
      }
      String shown = title != null && !title.isEmpty() ? title : request + " " + target;
      return new Example(source, line, shown, name, Map.copyOf(variables), request, target, List.copyOf(headers), body, answer);
    }
  }
}
