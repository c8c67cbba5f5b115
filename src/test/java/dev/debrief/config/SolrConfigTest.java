package dev.debrief.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The backend switch and the solr section: defaults, and bad values named with their key. */
class SolrConfigTest {
  @Test
  void luceneIsTheDefaultAndSolrHasLocalDefaults() {
    DebriefConfig c = DebriefConfig.parse("{}", "t.json");
    assertEquals("lucene", c.index.backend);
    assertEquals(List.of("http://localhost:8983/solr"), c.solr.urls);
    assertEquals("debrief", c.solr.collection);
    assertEquals("debrief_state", c.solr.stateCollection);
    DebriefConfig solr =
        DebriefConfig.parse(
            "{\"index\":{\"backend\":\"solr\"},\"solr\":{\"urls\":"
                + "[\"http://a:8983/solr\",\"https://b/solr\"],\"collection\":\"reports\"}}",
            "t.json");
    assertEquals(List.of("http://a:8983/solr", "https://b/solr"), solr.solr.urls);
    assertEquals("reports", solr.solr.collection);
  }

  @Test
  void badValuesAreNamed() {
    assertEquals(
        "t.json: index.backend must be \"lucene\" or \"solr\", got \"elastic\"",
        assertThrows(
                ConfigException.class,
                () -> DebriefConfig.parse("{\"index\":{\"backend\":\"elastic\"}}", "t.json"))
            .getMessage());
    assertEquals(
        "t.json: solr.urls must be http(s) URLs of Solr nodes such as http://localhost:8983/solr, got"
            + " \"zk1:2181/solr\"",
        assertThrows(
                ConfigException.class,
                () ->
                    DebriefConfig.parse(
                        "{\"index\":{\"backend\":\"solr\"},\"solr\":{\"urls\":[\"zk1:2181/solr\"]}}",
                        "t.json"))
            .getMessage());
    assertEquals(
        "t.json: solr.stateCollection must be a Solr collection name other than solr.collection, got"
            + " \"debrief\"",
        assertThrows(
                ConfigException.class,
                () -> DebriefConfig.parse("{\"solr\":{\"stateCollection\":\"debrief\"}}", "t.json"))
            .getMessage());
    assertEquals(
        "t.json: unknown key \"solr.zkHost\"",
        assertThrows(
                ConfigException.class,
                () -> DebriefConfig.parse("{\"solr\":{\"zkHost\":\"zk1:2181\"}}", "t.json"))
            .getMessage());
  }
}
