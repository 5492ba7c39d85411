package vn.healthgate.cyclefixture.right;

import vn.healthgate.cyclefixture.left.Left;

/** The other half of a deliberate package cycle: proves ArchitectureTest's slices rule can fail. */
public class Right {
  Left left;
}
