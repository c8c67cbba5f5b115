package dev.debrief.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.embed.Vocabulary;
import dev.debrief.model.ReportInfo;
import dev.debrief.model.ReportMeta;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Events, editions, words, synonyms and spellings read from literal questions over an invented
 * library.
 */
class QuestionUnderstandingTest {
  private static final Vocabulary DICTIONARY =
      Vocabulary.of(
          Set.of("summit", "harbor", "river", "days", "notes", "my", "from", "recap", "the"));

  private static ReportInfo report(
      String id, String title, String event, String date, String author) {
    return new ReportInfo(
        id,
        id + ".md",
        "markdown",
        new ReportMeta(title, event, date, author, "", List.of(), List.of()),
        3,
        10,
        0L,
        "");
  }

  private static final EventCatalog CATALOG =
      EventCatalog.of(
          List.of(
              report(
                  "h24",
                  "Harbor Summit 2024: my notes from Rotterdam",
                  "Harbor Summit 2024 (Rotterdam)",
                  "2024-05-16",
                  "Lena Vos"),
              report(
                  "h23",
                  "Harbor Summit 2023 recap",
                  "Harbor Summit 2023 (Antwerp)",
                  "2023-06-02",
                  "Lena Vos"),
              report(
                  "rb",
                  "Riverbank DevDays 2024 (notes)",
                  "Riverbank DevDays 2024",
                  "2024-09-20",
                  "Sam Ortiz")),
          DICTIONARY);

  @Test
  void aNamedEventWithItsYearIsThatEdition() {
    EventCatalog.Mention m = CATALOG.find("What did Priya say at Harbor Summit 2024?");
    assertEquals(List.of("h24"), m.reportIds());
    assertFalse(m.absentEdition());
  }

  @Test
  void twoDigitsAfterTheBrandAreItsYearWhenNoEditionHasThatNumber() {
    assertEquals(List.of("h23"), CATALOG.find("keynote at Harbor Summit 23?").reportIds());
    assertFalse(CATALOG.find("keynote at Harbor Summit 23?").absentEdition());
    // no Harbor Summit in 2021: an edition number the library does not hold
    assertTrue(CATALOG.find("keynote at Harbor Summit 21?").absentEdition());
  }

  @Test
  void aCodeInCapitalsAfterTheBrandIsPartOfTheEventsName() {
    // "AN" begins "Antwerp", as "BE" begins Devoxx's "Belgium": the event's words, not a name
    EventCatalog.Mention m = CATALOG.find("keynote at Harbor AN 23?");
    assertEquals(List.of("h23"), m.reportIds());
    assertTrue(m.positions().containsAll(Set.of(2, 3, 4)), m.positions().toString());
    assertFalse(CATALOG.find("keynote at Harbor an 23?").positions().contains(3));
  }

  @Test
  void eachBrandTakesTheEditionNamedRightAfterIt() {
    EventCatalog.Mention both =
        CATALOG.find("how did Harbor Summit Rotterdam compare with Harbor Summit Antwerp '23?");
    assertEquals(Set.of("h24", "h23"), Set.copyOf(both.reportIds()));
    assertEquals(List.of("h24"), CATALOG.find("what happened at Harbor Rotterdam?").reportIds());
    // the Rotterdam edition is 2024: a 2023 one is not in the library
    assertTrue(CATALOG.find("what happened at Harbor Rotterdam 2023?").absentEdition());
    assertEquals(List.of("h23"), CATALOG.find("keynote at Harbor Summit '23").reportIds());
    // the year after the brand is a year, not a word of the 2024 edition's name
    assertEquals(
        Set.of("h24", "h23"),
        Set.copyOf(
            CATALOG
                .find("How did attendance at Harbor Summit 2024 compare with 2023?")
                .reportIds()));
  }

  @Test
  void querySyntaxIsReadAsWords() {
    assertEquals("foo", QuerySyntax.strip("title:foo AND ("));
    assertEquals(
        "what did, Kelsey Hightower say about serverless?",
        QuerySyntax.strip("what did \"Kelsey Hightower say about +serverless -kubernetes?"));
    assertEquals(
        "railsconf, keynote, Sarah Mei",
        QuerySyntax.strip("title:railsconf AND (keynote OR \"Sarah Mei\") -DHH"));
    assertEquals(
        "what did the co-founder say at 10:30?",
        QuerySyntax.strip("what did the co-founder say at 10:30?"));
  }

  @Test
  void anAuthorsHandleOrUncommonSurnameNamesTheirReports() {
    Vocabulary dictionary = Vocabulary.of(Set.of("will", "blog", "nvidia"));
    assertEquals(
        Set.of("kahngreene", "willkg"),
        CatalogEvents.authorBrands("Will Kahn-Greene (willkg)", dictionary));
    assertEquals(
        Set.of("abhilash", "majumder"),
        CatalogEvents.authorBrands("Abhilash Majumder (Nvidia)", Vocabulary.of(Set.of())),
        "an affiliation in parentheses names no report");
    assertEquals(
        Set.of("compwron"),
        CatalogEvents.authorBrands("compwron (compiledwrong blog)", dictionary));
    assertEquals(List.of("rb"), CATALOG.find("what did ortiz's team use?").reportIds());
    assertTrue(CATALOG.find("what did ortiz's team use?").author());
    assertEquals(List.of(), CATALOG.find("what did sam say?").reportIds(), "shorter than 4");
  }

  @Test
  void questionsAfterWhatSomeoneMadeOfSomething() {
    assertTrue(QuestionForms.asksOpinion("what did mark think of the beginner docker session?"));
    assertTrue(QuestionForms.asksOpinion("what was Chris's take on the LTS debate?"));
    assertTrue(QuestionForms.asksOpinion("the writeup's overall verdict on aurora limitless?"));
    assertTrue(QuestionForms.asksOpinion("how did she like the keynote?"));
    assertTrue(QuestionForms.asksOpinion("was the workshop worth it?"));
    assertTrue(QuestionForms.asksOpinion("how was the hackerone party at defcon 30?"));
    assertTrue(QuestionForms.asksOpinion("how did the demo go?"));
    assertTrue(QuestionForms.asksOpinion("were the lightning talks any good?"));
    assertTrue(QuestionForms.asksOpinion("the closing dinner, was it fun?"));
    assertTrue(QuestionForms.asksOpinion("did she enjoy the hallway track?"));
    assertFalse(QuestionForms.asksOpinion("is it good practice to pin image tags?"));
    assertFalse(QuestionForms.asksOpinion("how was the stream split up?"));
    assertFalse(QuestionForms.asksOpinion("what did Aparna Sinha say about Kubernetes 1.6?"));
    assertFalse(QuestionForms.asksOpinion("which talk did he take notes on?"));
    assertFalse(QuestionForms.asksOpinion("how many people attended?"));
  }

  @Test
  void questionsAfterAQuantity() {
    assertTrue(QuestionForms.asksNumber("how small is preact supposed to be?"));
    assertTrue(QuestionForms.asksNumber("how far is the venue from the airport?"));
    assertTrue(QuestionForms.asksNumber("how big was it?"));
    assertFalse(QuestionForms.asksNumber("how did the demo go?"));
  }

  @Test
  void questionsAfterSeveralThings() {
    assertTrue(QuestionForms.asksForSeveral("What PSF stats were shared at PyCon 2013?"));
    assertTrue(QuestionForms.asksForSeveral("which new services did they launch?"));
    assertTrue(QuestionForms.asksForSeveral("List the keynote speakers"));
    assertTrue(QuestionForms.asksForSeveral("what tools came up?"));
    assertTrue(QuestionForms.asksForSeveral("what were the top three talks?"));
    assertFalse(QuestionForms.asksForSeveral("what was the keynote about?"));
    assertFalse(QuestionForms.asksForSeveral("which session did Mark present?"));
    assertFalse(QuestionForms.asksForSeveral("what does Lit Motors build?"));
    assertFalse(QuestionForms.asksForSeveral("what class did she pass?"));
  }

  @Test
  void questionsAskingWhichTalkItWas() {
    assertTrue(QuestionForms.asksTalk("which NormConf 2022 talk did he call his jam?"));
    assertTrue(QuestionForms.asksTalk("what session was the best of the conference?"));
    assertTrue(QuestionForms.asksTalk("Which lightning talks stood out?"));
    assertFalse(QuestionForms.asksTalk("what was the keynote about?"));
    assertFalse(QuestionForms.asksTalk("what did the closing keynote announce?"));
    assertFalse(QuestionForms.asksTalk("which speakers talked about Rust?"));
  }

  @Test
  void aQualifierChoosesAmongEditionsOfOneBrand() {
    assertEquals(List.of("h23"), CATALOG.find("how big was harbor summit in antwerp?").reportIds());
  }

  @Test
  void aBrandWithoutYearIsEveryEditionOfIt() {
    assertEquals(
        Set.of("h24", "h23"),
        Set.copyOf(CATALOG.find("what happens at Harbor Summit?").reportIds()));
  }

  @Test
  void anEditionTheLibraryDoesNotHoldIsNamedAsTyped() {
    EventCatalog.Mention m = CATALOG.find("What were the highlights of Harbor Summit 2022?");
    assertTrue(m.absentEdition());
    assertEquals("Harbor Summit 2022", m.asked());
    assertEquals(List.of(), m.events());
    assertEquals(2, m.named().size());
  }

  private static final EventCatalog SHORT_FORMS =
      EventCatalog.of(
          List.of(
              report(
                  "rp",
                  "RiverPython wrap-up",
                  "RiverPython 2016 (Lyon)",
                  "2016-07-20",
                  "Ann Example"),
              report("mc", "Trip report", "Meeting C++ 2019, Berlin", "2019-11-20", "Ben Example")),
          DICTIONARY);

  @Test
  void aShortFormWithItsYearNamesTheEdition() {
    EventCatalog.Mention m = SHORT_FORMS.find("what was the best lightning talk at rp16?");
    assertEquals(List.of("rp"), m.reportIds());
    assertEquals(List.of("rp"), SHORT_FORMS.find("which sprint at rp2016").reportIds());
    EventCatalog.Mention absent = SHORT_FORMS.find("rp17 keynote?");
    assertTrue(absent.absentEdition(), "the short form's year is an edition the library lacks");
    assertEquals(
        List.of(), SHORT_FORMS.find("rp keynote?").named(), "the capitals alone name nothing");
  }

  private static final EventCatalog INITIALS =
      EventCatalog.of(
          List.of(
              report("gs", "GopherMeet day 2", "GopherMeet 2019", "2019-05-02", "Ann Example"),
              report("gm", "Trip report", "GRID MEET 12 (2021)", "2021-03-11", "Ben Example")),
          DICTIONARY);

  @Test
  void initialsWithAnEditionNumberNameThatEditionOverAYear() {
    // "gm" abbreviates both; 12 is an edition of GRID MEET, while GopherMeet held no 2012 edition
    EventCatalog.Mention m = INITIALS.find("who ran the workshop at gm12?");
    assertEquals(List.of("gm"), m.reportIds());
    assertFalse(m.absentEdition());
    assertEquals(List.of("gs"), INITIALS.find("best talk of gm19?").reportIds());
    assertTrue(INITIALS.find("best talk of gm17?").absentEdition());
  }

  @Test
  void cPlusPlusMaySpellCpp() {
    assertEquals(List.of("mc"), SHORT_FORMS.find("rooms at meetingcpp 2019?").reportIds());
    assertEquals(List.of("mc"), SHORT_FORMS.find("meeting cpp in berlin").reportIds());
  }

  @Test
  void aQuestionNamingNoEventHasNoMention() {
    EventCatalog.Mention m = CATALOG.find("what is exactly-once delivery?");
    assertEquals(List.of(), m.named());
    assertFalse(m.absentEdition());
  }

  @Test
  void wordsKeepPositionsAndKeys() {
    List<Words.Word> w = Words.of("Who spoke about K8s 1.6?");
    assertEquals(
        List.of("who", "spoke", "about", "k8s", "1.6"), w.stream().map(Words.Word::key).toList());
    assertTrue(w.get(0).sentenceStart());
    assertTrue(w.get(3).capitalized());
    assertTrue(w.get(4).hasDigit());
  }

  @Test
  void theShippedTableReadsEverydayWordsForAttendanceCountriesAndLimits() {
    Synonyms s = Synonyms.standard();
    List<Synonyms.Match> m =
        s.find(Words.of("how many people came, from how many countries, and what was the cap"));
    assertEquals(3, m.size(), m.toString());
    assertEquals(new Synonyms.Match(0, 3, m.get(0).alternatives()), m.get(0));
    assertTrue(m.get(0).alternatives().contains("attendees"), m.toString());
    assertTrue(m.get(1).alternatives().contains("nations"), m.toString());
    assertTrue(m.get(2).alternatives().contains("capped"), m.toString());
  }

  @Test
  void synonymGroupsMatchPhrasesBothWays() {
    Synonyms s =
        Synonyms.of(List.of("# test groups", "product manager, pm", "talk, session, keynote"));
    List<Synonyms.Match> m = s.find(Words.of("what did the product manager say in the talk"));
    assertEquals(2, m.size());
    assertEquals(new Synonyms.Match(3, 5, List.of("pm")), m.get(0));
    assertEquals(List.of("session", "keynote"), m.get(1).alternatives());
    assertEquals(List.of("product manager"), s.find(Words.of("the PM")).get(0).alternatives());
  }

  @Test
  void britishAndAmericanSpellings() {
    assertEquals(List.of("optimize"), Synonyms.spellings("optimise"));
    assertEquals(List.of("behavior"), Synonyms.spellings("behaviour"));
    assertEquals(List.of("center"), Synonyms.spellings("centre"));
    assertTrue(Synonyms.spellings("kubernetes").isEmpty());
  }
}
