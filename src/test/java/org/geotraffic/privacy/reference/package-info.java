/**
 * Frozen copies of the privacy stage (AttackGrid, GroupFold, Suppressor, SuppressionAudit) as of
 * commit f76ad15, before they were optimised: the reference the optimised classes must match row for
 * row and finding for finding ({@code OptimisedMatchesReferenceTest}). Test scope only; do not edit
 * them to follow later changes of behaviour, replace them.
 */
package org.geotraffic.privacy.reference;
