package org.geotraffic.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import org.geotraffic.cli.GeoTraffic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The build rule for Spark in src/main (the compiled classes, so fully qualified names count as imports do):
 *
 * <ul>
 *   <li>Public Spark APIs only: no class uses Spark's Catalyst, unsafe, execution, internal or classic packages, nor
 *       a {@code private[sql]} method that is public in bytecode. A job scheduled every night must survive a Spark
 *       patch release, and the same code builds for Spark 3.5 and 4.1.
 *   <li>Spark stays in the stage classes: {@code parse}, {@code geo}, {@code privacy}, {@code config},
 *       {@code enrich}, {@code aggregate} and {@code output} are plain Java, unit-testable without a SparkSession,
 *       and use neither Spark nor Scala. (The write stage is {@code pipeline.PublishedTableWriter}.)
 * </ul>
 */
class SparkBoundaryTest {
  /** Members of org.apache.spark.sql that Scala declares private[sql] (or internal) but bytecode makes public. */
  private static final Set<String> PRIVATE_SQL_METHODS =
      Set.of("internalCreateDataFrame", "queryExecution", "logicalPlan", "sessionState", "sharedState", "ofRows", "withActive", "toRdd");
  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    // The main classes' own folder (target/classes, target/spark-4.1/classes): each line builds in a folder of its
    // own, which ArchUnit's "no tests" option does not know.
    Location classes = Location.of(GeoTraffic.class.getProtectionDomain().getCodeSource().getLocation());
    main = new ClassFileImporter().importLocations(List.of(classes));
    if (main.stream().noneMatch(c -> c.getName().equals(GeoTraffic.class.getName())) || main.stream().anyMatch(c -> c.getName().endsWith("Test"))) {
      throw new IllegalStateException("Cannot check the build rule: " + classes + " is not the main classes folder");
    }
  }

  @Test
  void mainCode_usesNoSparkInternals() {
    ArchRule rule = noClasses().that().resideInAPackage("org.geotraffic..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark.sql.catalyst..", "org.apache.spark.unsafe..",
            "org.apache.spark.sql.execution..", "org.apache.spark.sql.internal..", "org.apache.spark.sql.classic..")
        .because("only documented public Spark APIs survive a Spark upgrade (issue 24)");
    rule.check(main);
  }

  @Test
  void mainCode_callsNoPrivateSqlMethod() {
    ArchRule rule = noClasses().that().resideInAPackage("org.geotraffic..")
        .should().callMethodWhere(DescribedPredicate.describe("a private[sql] method of SparkSession or Dataset",
            call -> call.getTarget().getOwner().getPackageName().equals("org.apache.spark.sql")
                && PRIVATE_SQL_METHODS.contains(call.getTarget().getName())))
        .because("private[sql] members are public in bytecode only; they change without notice (issue 24)");
    rule.check(main);
  }

  @Test
  void plainJavaPackages_useNoSparkAndNoScala() {
    ArchRule rule = noClasses().that().resideInAnyPackage("org.geotraffic.parse..", "org.geotraffic.geo..", "org.geotraffic.privacy..",
            "org.geotraffic.config..", "org.geotraffic.enrich..", "org.geotraffic.aggregate..", "org.geotraffic.output..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
        .because("Spark stays in the pipeline stage classes; the rest is plain Java (STYLE.md)");
    rule.check(main);
  }
}
