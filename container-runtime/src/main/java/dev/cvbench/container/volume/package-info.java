/**
 * Volumes for containers: docker-style {@code -v} specs and the named-volume store.
 *
 * <p>{@link dev.cvbench.container.volume.VolumeSpec#parse(String)} turns {@code -v} arguments into a
 * bind mount of a host directory ({@code /srv/conf:/etc/app:ro}) or a named volume
 * ({@code logs:/var/log/app}); {@link dev.cvbench.container.volume.VolumeStore} keeps named volumes
 * at {@code <state>/volumes/<name>/_data}, records which containers use each one, and refuses to
 * remove a volume in use. The runtime bind-mounts the returned {@code _data} directory at the target;
 * {@code --volumes-from} reuses another container's list of specs.
 */
package dev.cvbench.container.volume;
