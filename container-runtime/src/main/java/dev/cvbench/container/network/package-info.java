/**
 * Container and VM networking on one shared bridge, through the standard CNI plugins.
 *
 * <h2>The picture</h2>
 * <pre>
 *   host: cvbench0 (bridge, 10.213.0.1/24) ── the host reaches every instance through this address
 *           ├── veth1a2b3c4d ═══ eth0 10.213.0.2  (container netns; bridge plugin)
 *           ├── veth5e6f7a8b ═══ eth0 10.213.0.3  (container netns)
 *           └── vnet0        ═══ eth0 10.213.0.4  (VM tap, plugged by libvirt; address from
 *                                                   host-local alone, given on the kernel command line)
 *   leases:  &lt;state&gt;/cni/networks/cvbench/10.213.0.2 = "web1\r\neth0"   (written by host-local)
 *   records: &lt;state&gt;/cni/attachments/web1.json                         (written by this package)
 * </pre>
 *
 * <h2>How a plugin is called</h2>
 * The CNI spec (1.0.0 here) is a process protocol: the runtime runs {@code /usr/lib/cni/bridge} with
 * {@code CNI_COMMAND=ADD|DEL|CHECK}, {@code CNI_CONTAINERID}, {@code CNI_NETNS} (a path to the
 * namespace, e.g. {@code /proc/<pid>/ns/net}), {@code CNI_IFNAME} and {@code CNI_PATH} in the
 * environment, writes the network configuration JSON to its stdin, and reads a result or an error
 * object from its stdout. {@link dev.cvbench.container.network.CniNetwork} does that for
 * {@code loopback}, {@code bridge} (which calls {@code host-local} itself for the address) and, for
 * VMs, {@code host-local} alone.
 *
 * <h2>Cleanup</h2>
 * DEL is idempotent and tolerates a vanished namespace; records written before each ADD let
 * {@link dev.cvbench.container.network.CniNetwork#cleanupStale(java.util.Set)} undo whatever a killed
 * process left. iptables is untouched unless {@code ipMasq} is set; note that the bridge plugin with
 * {@code isGateway} turns on {@code net.ipv4.ip_forward}.
 */
package dev.cvbench.container.network;
