package dev.debrief.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
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
 * Front matter: YAML (the Jekyll/Hugo convention: a first line {@code ---}, a YAML 1.1 mapping, and
 * a closing line {@code ---} or {@code ...}), TOML (Hugo's: between two lines {@code +++}, <a
 * href="https://gohugo.io/content-management/front-matter/">gohugo.io, front matter</a>), or a YAML
 * block followed by a TOML one (a Hugo post with a header added by whoever collected it); where
 * both name a key, the YAML block's value stays. YAML is parsed with SnakeYAML's safe constructor
 * (no arbitrary types, bounded aliases), TOML with Jackson's TOML reader; timestamps are kept as
 * their source strings so a date-time such as {@code 2017-10-17T22:19:00+01:00} keeps its local
 * date. A block that is not a mapping is not front matter and is left in the body.
 *
 * @param data the mapping (keys as strings), empty when there is none
 * @param body the text after the closing line (or all of it when there is no front matter)
 * @param problem why a block that looks like front matter was read as text ("" when none was, or it
 *     parsed): the report then has no title, event or date from it, and whoever ingests it should
 *     hear so
 */
record FrontMatter(Map<String, Object> data, String body, String problem) {
  /** Front matter without a problem. */
  FrontMatter(Map<String, Object> data, String body) {
    this(data, body, "");
  }

  private static final Pattern BLOCK =
      Pattern.compile(
          "\\A---[ \\t]*\\n(?:(.*?)\\n)?(?:---|\\.\\.\\.)[ \\t]*(?:\\n|\\z)", Pattern.DOTALL);

  /** Hugo's TOML block, after blank lines. */
  private static final Pattern TOML_BLOCK =
      Pattern.compile(
          "\\A\\s*\\+\\+\\+[ \\t]*\\n(?:(.*?)\\n)?\\+\\+\\+[ \\t]*(?:\\n|\\z)", Pattern.DOTALL);

  /** Splits {@code text} (line endings already {@code \n}, no BOM) into front matter and body. */
  static FrontMatter split(String text) {
    FrontMatter yaml = yamlBlock(text);
    FrontMatter toml = tomlBlock(yaml.body());
    String problem = yaml.problem().isEmpty() ? toml.problem() : yaml.problem();
    if (toml.data().isEmpty()) {
      return new FrontMatter(yaml.data(), toml.body(), problem);
    }
    Map<String, Object> data = new LinkedHashMap<>(toml.data());
    data.putAll(yaml.data());
    return new FrontMatter(data, toml.body(), problem);
  }

  private static FrontMatter yamlBlock(String text) {
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
      return new FrontMatter(Map.of(), text, unreadable("YAML", e.getMessage()));
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      return new FrontMatter(Map.of(), text);
    }
    return new FrontMatter(keys(map), text.substring(m.end()));
  }

  /** A leading TOML block of {@code text}; none when there is none or it does not parse. */
  private static FrontMatter tomlBlock(String text) {
    Matcher m = TOML_BLOCK.matcher(text);
    if (!m.find()) {
      return new FrontMatter(Map.of(), text);
    }
    String tomlText = m.group(1) == null ? "" : m.group(1);
    if (tomlText.isBlank()) {
      return new FrontMatter(Map.of(), text.substring(m.end()));
    }
    try {
      Map<?, ?> map = new TomlMapper().readValue(tomlText, Map.class);
      return new FrontMatter(keys(map), text.substring(m.end()));
    } catch (JacksonException e) {
      return new FrontMatter(Map.of(), text, unreadable("TOML", e.getOriginalMessage()));
    }
  }

  /** The problem of a block that did not parse: the parser's first line, and what it costs. */
  private static String unreadable(String language, String message) {
    String first = message == null ? "" : message.strip().lines().findFirst().orElse("");
    return "front matter is not valid "
        + language
        + (first.isEmpty() ? "" : " (" + first + ")")
        + "; read as text, without its title, event or date";
  }

  /** The mapping with keys as trimmed lower-case strings. */
  private static Map<String, Object> keys(Map<?, ?> map) {
    Map<String, Object> data = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (k != null) {
            data.put(String.valueOf(k).trim().toLowerCase(java.util.Locale.ROOT), v);
          }
        });
    return data;
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
