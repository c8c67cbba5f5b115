package dev.debrief.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes one {@link SolrCluster} for the whole test run
 * ({@code @ExtendWith(SharedSolrCluster.class)} and a {@code SolrCluster} parameter on
 * {@code @BeforeAll}): starting two Solr nodes and ZooKeeper costs 20–60 s, so the classes share
 * it. It lives in the root extension store and is closed when the run ends. Each class uses its own
 * collections; a class that stops nodes starts them again before it returns.
 */
public final class SharedSolrCluster implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedSolrCluster.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SolrCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(
            "cluster",
            k -> {
              try {
                return SolrCluster.start();
              } catch (Exception e) {
                throw new ParameterResolutionException(
                    "could not start the Solr test cluster: " + e.getMessage(), e);
              }
            },
            SolrCluster.class);
  }
}
