package dev.debrief.digest;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.debrief.model.Citation;
import java.util.List;

/**
 * Digests and event briefs as pretty-printed JSON (HTML not escaped), for {@link
 * DigestText#digestJson} and {@link DigestText#summaryJson}.
 */
final class DigestJson {
  private DigestJson() {}

  private static final Gson GSON =
      new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

  /** The digest as JSON. */
  static String digest(Digest d) {
    JsonObject o = new JsonObject();
    o.addProperty("from", d.from().toString());
    o.addProperty("to", d.to().toString());
    o.addProperty("event", d.event());
    o.addProperty("empty", d.isEmpty());
    JsonArray events = new JsonArray();
    for (Digest.EventGroup g : d.events()) {
      JsonObject ge = new JsonObject();
      ge.addProperty("event", g.event());
      JsonArray reports = new JsonArray();
      for (Digest.ReportDigest r : g.reports()) {
        JsonObject ro = new JsonObject();
        ro.addProperty("reportId", r.reportId());
        ro.addProperty("title", r.title());
        ro.addProperty("author", r.author());
        ro.addProperty("date", r.date());
        ro.addProperty("url", r.url());
        ro.addProperty("ingestedAt", r.ingestedAt().toString());
        ro.addProperty("sections", r.sections());
        ro.addProperty("summary", r.summary());
        JsonArray tk = new JsonArray();
        r.takeaways().forEach(tk::add);
        ro.add("takeaways", tk);
        JsonArray ss = new JsonArray();
        r.sessions().forEach(ss::add);
        ro.add("sessions", ss);
        ro.addProperty("moreSessions", r.moreSessions());
        ro.add("citations", citations(r.citations()));
        reports.add(ro);
      }
      ge.add("reports", reports);
      events.add(ge);
    }
    o.add("events", events);
    JsonObject cov = new JsonObject();
    cov.addProperty("reports", d.coverage().reports());
    cov.addProperty("sections", d.coverage().sections());
    JsonArray failed = new JsonArray();
    d.coverage().failed().forEach(failed::add);
    cov.add("failed", failed);
    cov.addProperty("line", DigestText.coverageLine(d.coverage()));
    o.add("coverage", cov);
    return GSON.toJson(o);
  }

  /**
   * The brief as JSON: {@code
   * {"event","summary","lead":[{"reportId","title","author","section","concluded",
   * "points":[{"text","note","composed"}]}],"sessions":[{"title","speaker","reportId","section","url","points"}],
   * "themes":[{"title","text","points","citations":[{"n","reportId","section","url","passageId"}]}],
   * "followUps","citations","coverage":{"reports","sections","sectionsTotal","passages","authors"},"provider",
   * "model","fallback"}}.
   */
  static String summary(EventSummary s) {
    JsonObject o = new JsonObject();
    o.addProperty("event", s.event());
    o.addProperty("summary", s.summary());
    JsonArray lead = new JsonArray();
    for (EventSummary.Lead l : s.lead()) {
      JsonObject lo = new JsonObject();
      lo.addProperty("reportId", l.reportId());
      lo.addProperty("title", l.title());
      lo.addProperty("author", l.author());
      lo.addProperty("section", l.section());
      lo.addProperty("concluded", l.concluded());
      lo.add("points", points(l.points()));
      lead.add(lo);
    }
    o.add("lead", lead);
    JsonArray sessions = new JsonArray();
    for (EventSummary.Session ses : s.sessions()) {
      JsonObject so = new JsonObject();
      so.addProperty("title", ses.title());
      so.addProperty("speaker", ses.speaker());
      so.addProperty("reportId", ses.reportId());
      so.addProperty("section", ses.section());
      so.addProperty("url", ses.url());
      so.add("points", points(ses.points()));
      sessions.add(so);
    }
    o.add("sessions", sessions);
    JsonArray themes = new JsonArray();
    for (EventSummary.Theme t : s.themes()) {
      JsonObject to = new JsonObject();
      to.addProperty("title", t.title());
      to.addProperty("text", t.text());
      to.add("points", points(t.points()));
      to.add("citations", citations(t.citations()));
      themes.add(to);
    }
    o.add("themes", themes);
    JsonArray follow = new JsonArray();
    s.followUps().forEach(follow::add);
    o.add("followUps", follow);
    o.add("citations", citations(s.citations()));
    JsonObject cov = new JsonObject();
    cov.addProperty("reports", s.coverage().reports());
    cov.addProperty("sections", s.coverage().sections());
    cov.addProperty("sectionsTotal", s.coverage().sectionsTotal());
    cov.addProperty("passages", s.coverage().passages());
    JsonArray authors = new JsonArray();
    s.coverage().authors().forEach(authors::add);
    cov.add("authors", authors);
    o.add("coverage", cov);
    o.addProperty("provider", s.provider());
    o.addProperty("model", s.model());
    o.addProperty("fallback", s.fallback());
    return GSON.toJson(o);
  }

  private static JsonArray points(List<Point> ps) {
    JsonArray a = new JsonArray();
    for (Point p : ps) {
      JsonObject po = new JsonObject();
      po.addProperty("text", p.text());
      po.addProperty("note", p.note());
      po.addProperty("composed", p.composed());
      a.add(po);
    }
    return a;
  }

  private static JsonArray citations(List<Citation> cs) {
    JsonArray a = new JsonArray();
    for (Citation c : cs) {
      JsonObject co = new JsonObject();
      co.addProperty("n", c.n());
      co.addProperty("reportId", c.reportId());
      co.addProperty("section", c.section());
      co.addProperty("url", c.url());
      co.addProperty("passageId", c.passageId());
      a.add(co);
    }
    return a;
  }
}
