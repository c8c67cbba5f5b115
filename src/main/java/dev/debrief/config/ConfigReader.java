package dev.debrief.config;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;

/**
 * Reads a {@link DebriefConfig} from a JSON file or string: rejects malformed JSON, unknown keys
 * (with their dotted path) and non-object sections, fills sections set to null with defaults, then
 * has the result validated ({@link ConfigValidation}). Every failure is a {@link ConfigException}
 * naming the origin.
 */
final class ConfigReader {
  private static final Gson GSON = new GsonBuilder().create();

  private ConfigReader() {}

  /**
   * Reads a config file. A missing file gives the defaults only when {@code optional} is true.
   *
   * @throws ConfigException on unreadable files, malformed JSON, unknown keys or bad values
   */
  static DebriefConfig load(Path file, boolean optional) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      if (optional) {
        return DebriefConfig.defaults();
      }
      throw new ConfigException("config file not found: " + file);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    return parse(json, file.toString());
  }

  /**
   * Parses config JSON.
   *
   * @param origin a name for messages (the file path)
   * @throws ConfigException on malformed JSON, unknown keys or bad values
   */
  static DebriefConfig parse(String json, String origin) {
    JsonElement root;
    try {
      root = JsonParser.parseString(json);
    } catch (JsonParseException e) {
      throw new ConfigException(origin + ": not valid JSON: " + plain(e), e);
    }
    if (root.isJsonNull()) {
      return DebriefConfig.defaults();
    }
    if (!root.isJsonObject()) {
      throw new ConfigException(origin + ": the top level must be a JSON object");
    }
    checkKeys(root.getAsJsonObject(), DebriefConfig.class, "", origin);
    DebriefConfig config;
    try {
      config = GSON.fromJson(root, DebriefConfig.class);
    } catch (JsonParseException | NumberFormatException e) {
      throw new ConfigException(origin + ": bad value: " + plain(e), e);
    }
    fillNulls(config);
    config.validate(origin);
    return config;
  }

  /** Gson's message without the exception class names and the troubleshooting link. */
  private static String plain(Exception e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.toString() : t.getMessage();
    m = m.replaceAll("\\s*See https?://\\S+", "").replaceAll("^[\\w.]+(Exception|Error): ", "");
    return m.strip();
  }

  private static void checkKeys(JsonObject object, Class<?> type, String prefix, String origin) {
    for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
      Field field = findField(type, entry.getKey());
      String path = prefix + entry.getKey();
      if (field == null) {
        throw new ConfigException(origin + ": unknown key \"" + path + "\"");
      }
      Class<?> fieldType = field.getType();
      boolean nested = fieldType.getEnclosingClass() == DebriefConfig.class;
      if (nested && entry.getValue().isJsonObject()) {
        checkKeys(entry.getValue().getAsJsonObject(), fieldType, path + ".", origin);
      } else if (nested && !entry.getValue().isJsonNull()) {
        throw new ConfigException(origin + ": \"" + path + "\" must be an object");
      }
    }
  }

  private static Field findField(Class<?> type, String name) {
    for (Field f : type.getFields()) {
      if (f.getName().equals(name) && !Modifier.isStatic(f.getModifiers())) {
        return f;
      }
    }
    return null;
  }

  /** Replaces the sections and lists a file set to null with their defaults. */
  private static void fillNulls(DebriefConfig c) {
    if (c.index == null) c.index = new DebriefConfig.Index();
    if (c.solr == null) c.solr = new DebriefConfig.Solr();
    if (c.solr.urls == null) c.solr.urls = new ArrayList<>();
    if (c.embedding == null) c.embedding = new DebriefConfig.Embedding();
    if (c.ingest == null) c.ingest = new DebriefConfig.Ingest();
    if (c.retrieve == null) c.retrieve = new DebriefConfig.Retrieve();
    if (c.answer == null) c.answer = new DebriefConfig.AnswerSettings();
    if (c.web == null) c.web = new DebriefConfig.Web();
    if (c.slack == null) c.slack = new DebriefConfig.Slack();
    if (c.digest == null) c.digest = new DebriefConfig.Digest();
    if (c.access == null) c.access = new DebriefConfig.Access();
    if (c.slack.admins == null) c.slack.admins = new ArrayList<>();
    if (c.access.allowHosts == null) c.access.allowHosts = new ArrayList<>();
  }
}
