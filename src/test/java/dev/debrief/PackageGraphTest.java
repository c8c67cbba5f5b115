package dev.debrief;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The package graph follows the pipeline: ingest → index → retrieve → answer → slack | web | cli,
 * with the sideways helpers below the stage that uses them. {@link #TIERS} lists every package of
 * {@code dev.debrief}, lowest first; a class may use its own package and packages of lower tiers
 * only, so packages of one tier (slack and web, say) never use each other. Each library stays in
 * the packages named for it. Main classes only: tests may cross any arrow.
 */
@AnalyzeClasses(packages = "dev.debrief", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageGraphTest {
  /**
   * Every package of dev.debrief, lowest first; a package may use only packages of strictly lower
   * tiers.
   */
  static final List<List<String>> TIERS =
      List.of(
          List.of("model"),
          List.of("text"),
          List.of("state", "embed", "fetch", "metrics", "http"),
          List.of("config", "access"),
          List.of("ingest"),
          List.of("index"),
          List.of("cite"),
          List.of("retrieve"),
          List.of("answer"),
          List.of("digest", "eval", "solr", "intake"),
          List.of("llm"),
          List.of("slack", "web"),
          List.of("cli"));

  /**
   * Arrows against the tiers that are known and waiting for their fix, as origin class → target
   * class (nested classes of either count as the class). Empty: keep it so.
   */
  static final Map<String, Set<String>> PENDING = Map.of();

  private static final String ROOT = "dev.debrief.";

  @ArchTest
  static final ArchRule everyPackageHasATier =
      classes()
          .should(
              new ArchCondition<JavaClass>("be in a package that TIERS lists") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                  if (tier(c).isEmpty()) {
                    events.add(
                        SimpleConditionEvent.violated(
                            c,
                            c.getName()
                                + " is in package "
                                + c.getPackageName()
                                + ", which PackageGraphTest.TIERS does not list"));
                  }
                }
              });

  @ArchTest
  static final ArchRule dependenciesPointDown =
      classes()
          .should(
              new ArchCondition<JavaClass>(
                  "use only their own package and packages of lower tiers") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                  Optional<Integer> from = tier(c);
                  if (from.isEmpty()) {
                    return;
                  }
                  for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    Optional<Integer> to = tier(target);
                    if (to.isEmpty()
                        || top(target).equals(top(c))
                        || to.get() < from.get()
                        || pending(c, target)) {
                      continue;
                    }
                    events.add(
                        SimpleConditionEvent.violated(
                            d,
                            top(c)
                                + " (tier "
                                + from.get()
                                + ") may not use "
                                + top(target)
                                + " (tier "
                                + to.get()
                                + "): "
                                + d.getDescription()));
                  }
                }
              });

  @ArchTest
  static final ArchRule noCycles = slices().matching("dev.debrief.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule luceneOnlyInIndexAndRetrieve =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.debrief.index..", "dev.debrief.retrieve..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.apache.lucene..");

  @ArchTest
  static final ArchRule langChain4jOnlyInEmbedAndLlm =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.debrief.embed..", "dev.debrief.llm..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.langchain4j..");

  @ArchTest
  static final ArchRule boltOnlyInSlack =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.debrief.slack..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.slack.api..");

  @ArchTest
  static final ArchRule javalinOnlyInWeb =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.debrief.web..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.javalin..");

  @ArchTest
  static final ArchRule solrjOnlyInSolr =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.debrief.solr..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.apache.solr..");

  /**
   * The tier of a class's top-level package under dev.debrief; empty for classes outside
   * dev.debrief.
   */
  private static Optional<Integer> tier(JavaClass c) {
    return c.getPackageName().startsWith(ROOT)
        ? Optional.ofNullable(TIER_OF.get(top(c)))
        : Optional.empty();
  }

  private static final Map<String, Integer> TIER_OF = tierOf();

  private static Map<String, Integer> tierOf() {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < TIERS.size(); i++) {
      for (String p : TIERS.get(i)) {
        m.put(p, i);
      }
    }
    return m;
  }

  /** "slack" for dev.debrief.slack.Foo and dev.debrief.slack.sub.Bar. */
  private static String top(JavaClass c) {
    String rest =
        c.getPackageName().startsWith(ROOT) ? c.getPackageName().substring(ROOT.length()) : "";
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static boolean pending(JavaClass origin, JavaClass target) {
    Set<String> targets = PENDING.get(outermost(origin).getName());
    return targets != null && targets.contains(outermost(target).getName());
  }

  private static JavaClass outermost(JavaClass c) {
    JavaClass out = c;
    while (out.getEnclosingClass().isPresent()) {
      out = out.getEnclosingClass().get();
    }
    return out;
  }
}
