package vn.healthgate.cyclefixture.left;

import vn.healthgate.cyclefixture.right.Right;

/** Half of a deliberate package cycle: proves ArchitectureTest's slices rule can fail. */
public class Left {
  Right right;
}
