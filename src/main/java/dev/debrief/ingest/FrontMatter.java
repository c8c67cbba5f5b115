package dev.debrief.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * YAML front matter (the Jekyll/Hugo convention): a first line {@code ---}, a YAML 1.1 mapping, and
 * a closing line {@code ---} or {@code ...}. Parsed with SnakeYAML's safe constructor (no arbitrary
 * types, bounded aliases); timestamps are kept as their source strings so a date-time such as
 * {@code 2017-10-17T22:19:00+01:00} keeps its local date. A block that is not a YAML mapping is not
 * front matter and is left in the body.
 *
 * @param data the mapping (keys as strings), empty when there is none
 * @param body the text after the closing line (or all of it when there is no front matter)
 */
record FrontMatter(Map<String, Object> data, String body) {
  private static final Pattern BLOCK =
      Pattern.compile(
          "\\A---[ \\t]*\\n(?:(.*?)\\n)?(?:---|\\.\\.\\.)[ \\t]*(?:\\n|\\z)", Pattern.DOTALL);

  /** Splits {@code text} (line endings already {@code \n}, no BOM) into front matter and body. */
  static FrontMatter split(String text) {
    Matcher m = BLOCK.matcher(text);
    if (!m.find()) {
      return new FrontMatter(Map.of(), text);
    }
    String yamlText = m.group(1) == null ? "" : m.group(1);
    if (yamlText.isBlank()) {
      return new FrontMatter(Map.of(), text.substring(m.end()));
    }
    Object parsed;
    try {
      parsed = yaml().load(yamlText);
    } catch (YAMLException | ClassCastException e) {
      return new FrontMatter(Map.of(), text);
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      return new FrontMatter(Map.of(), text);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (k != null) {
            data.put(String.valueOf(k).trim().toLowerCase(java.util.Locale.ROOT), v);
          }
        });
    return new FrontMatter(data, text.substring(m.end()));
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50);
    options.setAllowDuplicateKeys(true);
    options.setCodePointLimit(1 << 20);
    return new Yaml(new StringTimestamps(options));
  }

  /** The safe constructor, with YAML timestamps left as strings. */
  private static final class StringTimestamps extends SafeConstructor {
    StringTimestamps(LoaderOptions options) {
      super(options);
      this.yamlConstructors.put(
          Tag.TIMESTAMP,
          new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
              return ((ScalarNode) node).getValue();
            }
          });
    }
  }
}
