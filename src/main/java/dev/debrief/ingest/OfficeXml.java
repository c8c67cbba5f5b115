package dev.debrief.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Small helpers over jsoup's XML DOM for the office readers: child lookup by qualified tag name
 * (prefix included, as written in the part), Office Open XML package relationships (ECMA-376 Part
 * 2, §9) and the core properties part (Dublin Core title, creator, created date, keywords; ECMA-376
 * Part 2, §11).
 */
final class OfficeXml {
  private OfficeXml() {}

  /** The first child element named {@code tag}, or null. */
  static Element child(Element e, String tag) {
    if (e == null) {
      return null;
    }
    for (Element c : e.children()) {
      if (c.tagName().equals(tag)) {
        return c;
      }
    }
    return null;
  }

  /** The child elements named {@code tag}. */
  static List<Element> children(Element e, String tag) {
    List<Element> out = new ArrayList<>();
    if (e != null) {
      for (Element c : e.children()) {
        if (c.tagName().equals(tag)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /** The first descendant element named {@code tag} (document order), or null. */
  static Element first(Element e, String tag) {
    if (e == null) {
      return null;
    }
    for (Element d : e.getAllElements()) {
      if (d != e && d.tagName().equals(tag)) {
        return d;
      }
    }
    return null;
  }

  /** The attribute value, or "" when the element is null or lacks it. */
  static String attr(Element e, String name) {
    return e == null ? "" : e.attr(name);
  }

  /**
   * Relationship id to target part name, from the {@code _rels/NAME.rels} part beside {@code part}.
   *
   * @param part e.g. {@code ppt/presentation.xml}
   */
  static Map<String, String> relationships(ZipParts zip, String part) {
    int slash = part.lastIndexOf('/');
    String rels =
        (slash < 0 ? "" : part.substring(0, slash + 1))
            + "_rels/"
            + part.substring(slash + 1)
            + ".rels";
    Map<String, String> out = new HashMap<>();
    zip.xml(rels)
        .ifPresent(
            doc -> {
              for (Element r : doc.getElementsByTag("Relationship")) {
                if (!"External".equals(r.attr("TargetMode"))) {
                  out.put(r.attr("Id"), ZipParts.resolve(part, r.attr("Target")));
                }
              }
            });
    return out;
  }

  /** Title, author, date and keywords from {@code docProps/core.xml}, when present. */
  static void coreProperties(ZipParts zip, Meta meta) {
    zip.xml("docProps/core.xml")
        .ifPresent(
            doc -> {
              meta.title = text(doc, "dc:title");
              meta.author = text(doc, "dc:creator");
              meta.date = Meta.normalizeDate(text(doc, "dcterms:created"));
              meta.tags.addAll(Meta.list(text(doc, "cp:keywords")));
            });
  }

  /** The one-line text of the first element named {@code tag}, or "". */
  static String text(Document doc, String tag) {
    Element e = doc.getElementsByTag(tag).first();
    return e == null ? "" : DocBuilder.oneLine(e.text());
  }
}
