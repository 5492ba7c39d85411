package vn.healthgate.routes.delivery;

import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Builds the unsigned XML of a document from its portal fields: XML 0 (check-in) or the certificate's {@code <root>}. */
public final class PortalXml {
  private PortalXml() {}

  public static Document build(PortalDocument document) {
    Document xml = newDocument();
    if (document.kind() == DocumentKind.CHECK_IN) {
      Element root = xml.createElement("CHI_TIEU_TRANG_THAI_KCB");
      xml.appendChild(root);
      Element list = xml.createElement("DSACH_TRANG_THAI_KCB");
      root.appendChild(list);
      Element record = xml.createElement("TRANG_THAI_KCB");
      list.appendChild(record);
      append(xml, record, document.fields());
      root.appendChild(xml.createElement("CHUKYDONVI"));
    } else {
      Element root = xml.createElement("root");
      xml.appendChild(root);
      append(xml, root, document.fields());
    }
    return xml;
  }

  private static void append(Document xml, Element parent, Map<String, String> fields) {
    fields.forEach((name, value) -> {
      Element element = xml.createElement(name);
      element.setTextContent(value);
      parent.appendChild(element);
    });
  }

  private static Document newDocument() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      Document document = factory.newDocumentBuilder().newDocument();
      document.setXmlStandalone(true);
      return document;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
