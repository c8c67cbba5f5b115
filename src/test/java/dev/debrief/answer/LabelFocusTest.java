package dev.debrief.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelFocusTest {
  private static QuestionAnalysis.Concept concept(String surface, String... terms) {
    return new QuestionAnalysis.Concept(surface, List.of(terms), List.of(), 1.0);
  }

  private static QuestionAnalysis.Name name(String surface, String... terms) {
    return new QuestionAnalysis.Name(surface, List.of(terms), List.of());
  }

  @Test
  void conceptsOfTheNameAreLeftOutWhenOthersAreAsked() {
    var sockets = concept("WebSockets", "websocket");
    var ports = concept("ports", "port");
    var falling = concept("falling", "fall");
    assertEquals(
        List.of(ports, falling),
        LabelFocus.beyondNames(
            List.of(sockets, ports, falling), List.of(name("WebSockets", "websocket"))));
  }

  @Test
  void aQuestionAboutTheNameAloneKeepsItsConcepts() {
    var arnout = concept("Arnout", "arnout");
    var kazemier = concept("Kazemier", "kazemier");
    assertEquals(
        List.of(arnout, kazemier),
        LabelFocus.beyondNames(
            List.of(arnout, kazemier), List.of(name("Arnout Kazemier", "arnout", "kazemier"))));
  }
}
