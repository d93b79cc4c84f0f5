/** The seed and every example: what each export and import is checked over. */
export const MODEL_FILES = [
  'content/vmware-site-recovery.md',
  'examples/cloud-service-models.md',
  'examples/managed-kubernetes-grid.md',
  'examples/managed-vmware-task-lists.md',
  'examples/security-control-catalog.md',
];
