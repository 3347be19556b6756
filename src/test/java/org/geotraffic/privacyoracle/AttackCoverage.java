package org.geotraffic.privacyoracle;

/**
 * What an attack covered, so a test can say what was exhaustive. Counts add up over sites (and over
 * histories in {@link PropertyReport}).
 */
public final class AttackCoverage {

    /** Atoms over all sites (after merging cells no published set separates). */
    long atoms;
    long largestAtomSpace;
    /** Distinct additive functionals (published rows as 0/1 vectors over atoms). */
    long functionals;
    long determinedAtoms;
    /** Times the modular elimination could not be certified and BigInteger elimination was used. */
    long exactFallbacks;
    /** Components of undetermined atoms with at least one atom of 1..k-1 visitors. */
    long componentsWithContent;
    /** ... of which the branch and bound finished (found a disclosure, or proved there is none). */
    long componentsExhaustive;
    /** ... of which the budget ran out: then only the structured and randomized candidates were tried. */
    long componentsSampled;
    long largestComponent;
    long searchNodes;
    /** (B): pairs of visitor systems compared, and those too large to enumerate completely. */
    long visitorSystemPairs;
    long visitorSystemPairsSampled;

    void add(AttackCoverage other) {
        atoms += other.atoms;
        largestAtomSpace = Math.max(largestAtomSpace, other.largestAtomSpace);
        functionals += other.functionals;
        determinedAtoms += other.determinedAtoms;
        exactFallbacks += other.exactFallbacks;
        componentsWithContent += other.componentsWithContent;
        componentsExhaustive += other.componentsExhaustive;
        componentsSampled += other.componentsSampled;
        largestComponent = Math.max(largestComponent, other.largestComponent);
        searchNodes += other.searchNodes;
        visitorSystemPairs += other.visitorSystemPairs;
        visitorSystemPairsSampled += other.visitorSystemPairsSampled;
    }

    /** True when every search of (A) and (B) was complete. */
    public boolean exhaustive() {
        return componentsSampled == 0 && visitorSystemPairsSampled == 0;
    }

    public long componentsSampled() {
        return componentsSampled;
    }

    public long componentsExhaustive() {
        return componentsExhaustive;
    }

    public long exactFallbacks() {
        return exactFallbacks;
    }

    public long largestComponent() {
        return largestComponent;
    }

    public long largestAtomSpace() {
        return largestAtomSpace;
    }

    @Override
    public String toString() {
        return "atoms=" + atoms + " (largest site " + largestAtomSpace + ") functionals=" + functionals
                + " determined=" + determinedAtoms + " exactFallbacks=" + exactFallbacks
                + " components with content=" + componentsWithContent + " (exhaustive " + componentsExhaustive
                + ", sampled " + componentsSampled + ", largest " + largestComponent + " atoms, " + searchNodes
                + " nodes) visitor system pairs=" + visitorSystemPairs + " (sampled " + visitorSystemPairsSampled
                + ")";
    }
}
