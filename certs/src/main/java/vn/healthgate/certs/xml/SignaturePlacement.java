package vn.healthgate.certs.xml;

/**
 * Where the enveloped signature goes: inside a named child element of the root (XML 0 of Decision
 * 130: {@code CHUKYDONVI}) or as the last child of the root (the health certificate's {@code <root>}).
 */
public record SignaturePlacement(String elementName) {
  public static final SignaturePlacement LAST_CHILD_OF_ROOT = new SignaturePlacement(null);

  public static SignaturePlacement insideElement(String name) {
    return new SignaturePlacement(name);
  }
}
