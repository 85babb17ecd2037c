package vn.thuvien.selftraining;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages as {@code docs/kien-truc.md} draws them: features by package, no cycle between any
 * two, {@code system} (security, engine plugins, shared configuration) a leaf that knows no feature,
 * and the wiring packages ({@code access}: authorizations and Tasklist filters per role; {@code demo})
 * on top where no feature depends on them. Main code only.
 */
class PackageStructureTest {

  static final String ROOT = "vn.thuvien.selftraining";
  static final String[] FEATURES = {ROOT + ".access..", ROOT + ".campaign..", ROOT + ".concern..",
      ROOT + ".demo..", ROOT + ".directory..", ROOT + ".dossier..", ROOT + ".mail..", ROOT + ".reminder..",
      ROOT + ".report..", ROOT + ".training.."};

  static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void systemKnowsNoFeature() {
    noClasses().that().resideInAPackage(ROOT + ".system..").should().dependOnClassesThat()
        .resideInAnyPackage(FEATURES).check(classes);
  }

  @Test
  void noFeatureDependsOnTheWiring() {
    noClasses().that().resideOutsideOfPackages(ROOT + ".access..", ROOT + ".demo..").should().dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".access..", ROOT + ".demo..").check(classes);
  }

  /**
   * Features run the process's own work through {@code system.AsTheProcess} and the public services,
   * not through the engine's command context ({@code Context.getCommandContext()}); engine plugins in
   * {@code system} are the engine's extension points and may.
   */
  @Test
  void featuresDoNotReachIntoTheEnginesCommandContext() {
    noClasses().that().resideOutsideOfPackage(ROOT + ".system..").should().dependOnClassesThat()
        .resideInAPackage("org.camunda.bpm.engine.impl.context..")
        .check(classes);
  }
}
