package org.drivesync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The package structure of docs/architecture.md, checked on the compiled main classes of every
 * module (tests, and the schema module's test jar, are left out).
 */
@AnalyzeClasses(
    packages = "org.drivesync",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

  /** Every package, {@code org.drivesync} itself included, is one slice; none may reach itself. */
  @ArchTest
  static final ArchRule noPackageCycles =
      slices().assignedFrom(new EachPackage()).should().beFreeOfCycles();

  /** Resources are thin: they call services, which own the transactions and the DAOs. */
  @ArchTest
  static final ArchRule resourcesUseNoDaos =
      noClasses()
          .that()
          .resideInAPackage("org.drivesync.resources..")
          .should()
          .dependOnClassesThat()
          .haveSimpleNameEndingWith("Dao")
          .orShould()
          .dependOnClassesThat()
          .belongToAnyOf(org.jdbi.v3.core.Jdbi.class, org.jdbi.v3.core.Handle.class);

  /** {@code org.drivesync.(**)} would leave out the root package, where the application lives. */
  static final class EachPackage implements SliceAssignment {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      return javaClass.getPackageName().startsWith("org.drivesync")
          ? SliceIdentifier.of(javaClass.getPackageName())
          : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "each org.drivesync package";
    }
  }

  /** Test jars of other modules (the schema module's test fixtures) on the classpath. */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar");
    }
  }
}
