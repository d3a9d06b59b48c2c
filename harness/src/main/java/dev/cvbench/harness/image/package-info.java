/**
 * The default guest image: one root file system that containers use as a read-only overlay lower directory and
 * that the VM runtime packs into a cpio initramfs.
 *
 * <h2>What is in it</h2>
 * <pre>
 * /bin/busybox                 busybox-static, plus one symbolic link per applet (/bin/sh, /sbin/ip, ...)
 * /etc/{passwd,group,hosts,hostname,nsswitch.conf}, /tmp (1777), /proc /sys /dev /run (mount points)
 * /lib/x86_64-linux-gnu/...    the glibc, libstdc++ and libz the JRE links against, and /lib64/ld-linux-x86-64.so.2
 * /opt/cvbench/jre             a jlinked JRE (java.base, java.management, jdk.unsupported + what jdeps finds)
 *   lib/server/classes.jsa     its CDS archive (java -Xshare:dump)
 * /opt/cvbench/lib/*.jar       the agent jars (core's AgentWriter, the workloads' Agent)
 * /opt/cvbench/agent.jsa       the AppCDS archive of the agent classes (built as root only)
 * </pre>
 * Start the agent with {@link dev.cvbench.harness.image.AgentLayout#argv(String, java.util.List)}. The JRE needs
 * {@code /proc} mounted (its launcher finds its libraries through {@code /proc/self/exe}).
 *
 * <h2>Size and start-up (Debian 12, OpenJDK 17.0.15, 2 shared cores)</h2>
 * jlink output 35 MB, 30.3 MiB after stripping native symbol tables; the CDS archive adds 10.9 MiB, AppCDS for a
 * small class path 0.1 MiB; the whole rootfs is 48.5 MiB. Build: ~12 s (jdeps 2-3 s, jlink 5-7 s, CDS 1 s); a
 * cache hit takes 0.1-0.3 s (digesting busybox and the agent jars).
 * <p>
 * Start-up in a chroot on the host ({@link dev.cvbench.harness.image.JvmStartup}; fastest / median ms of 5 runs in
 * a quiet moment, then of 11 runs with other builds loading the shared machine):
 * <pre>
 *                        -Xshare:off   JDK archive   JDK + AppCDS archive
 *   java -version          56 / 60         -            33 / 36        (quiet)
 *   trivial main class    104 / 116     58 / 70         56 / 66        (quiet)
 *   java -version          84 / 129     73 / 109        65 / 98        (loaded)
 *   trivial main class    282 / 364     79 / 125        57 / 129       (loaded)
 * </pre>
 * A main class from a jar loads the jar and class-loader machinery the JDK archive lacks; the AppCDS archive
 * holds those too. The VM runtime's boot phases show what these become under emulation.
 *
 * <h2>Entry points</h2>
 * {@link dev.cvbench.harness.image.ImageBuilder} (build or reuse), {@link dev.cvbench.harness.image.ImageCache}
 * (list, prune), {@link dev.cvbench.harness.image.GuestImage} (the result),
 * {@link dev.cvbench.harness.image.AgentLayout} (in-image paths and argv),
 * {@link dev.cvbench.harness.image.JvmStartup} (start-up timing).
 */
package dev.cvbench.harness.image;
