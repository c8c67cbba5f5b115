package dev.debrief.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DebriefConfigTest {
  @Test
  void emptyObjectGivesDefaults() {
    DebriefConfig c = DebriefConfig.parse("{}", "t.json");
    assertEquals("index/lucene", c.index.dir);
    assertEquals("e5-small-v2-q", c.embedding.model);
    assertEquals(60, c.retrieve.rrfK);
    assertEquals("extractive", c.answer.provider);
  }

  @Test
  void theShippedConfigNamesTheDefaultEmbeddingModel() {
    // the pom's embedding.model puts this model's files in the jar; ShadedJarCheck loads it from
    // there
    DebriefConfig shipped = DebriefConfig.load(Path.of("config", "debrief.json"), false);
    assertEquals(DebriefConfig.defaults().embedding.model, shipped.embedding.model);
  }

  @Test
  void partialSectionKeepsOtherDefaults() {
    DebriefConfig c = DebriefConfig.parse("{\"retrieve\": {\"k\": 7}}", "t.json");
    assertEquals(7, c.retrieve.k);
    assertEquals(50, c.retrieve.bm25Depth);
  }

  @Test
  void unknownTopLevelKeyIsNamed() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> DebriefConfig.parse("{\"idx\": {}}", "t.json"));
    assertEquals("t.json: unknown key \"idx\"", e.getMessage());
  }

  @Test
  void unknownNestedKeyIsNamedWithItsPath() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> DebriefConfig.parse("{\"retrieve\": {\"rrf_k\": 60}}", "t.json"));
    assertEquals("t.json: unknown key \"retrieve.rrf_k\"", e.getMessage());
  }

  @Test
  void badValuesAreNamed() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> DebriefConfig.parse("{\"answer\": {\"provider\": \"magic\"}}", "t.json"));
    assertEquals(
        "t.json: answer.provider must be extractive, openai, anthropic or gemini, got \"magic\"",
        e.getMessage());
  }

  @Test
  void malformedJsonIsReported() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> DebriefConfig.parse("{\"index\": ", "t.json"));
    assertEquals(true, e.getMessage().startsWith("t.json: not valid JSON"));
  }

  @Test
  void shippedConfigIsValid() {
    DebriefConfig c = DebriefConfig.load(Path.of("config", "debrief.json"), false);
    assertEquals("extractive", c.answer.provider);
  }

  @Test
  void missingRequiredFileIsAnError() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> DebriefConfig.load(Path.of("no", "such.json"), false));
    assertEquals("config file not found: no/such.json", e.getMessage());
  }
}
