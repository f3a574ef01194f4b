/**
 * Cloud metadata services: the addresses and names where a virtual machine gets its identity and its
 * credentials. A crawler following links from the open web must never reach them, so they stay refused
 * even under --allow-private-network, and even when an allow list names their range.
 *
 * Sources: the providers' instance-metadata documentation (AWS EC2 IMDS and ECS/EKS agents, Google
 * Compute Engine, Azure IMDS and WireServer, Alibaba Cloud ECS, Oracle Cloud, Tencent Cloud CVM,
 * Huawei Cloud / OpenStack, Akamai (Linode), DigitalOcean, Hetzner, Scaleway, Baidu, Volcengine, UCloud).
 */

/** Whole ranges: every link-local address is somebody's metadata or agent endpoint. */
export const METADATA_RANGES = [
  '169.254.0.0/16', // link-local: AWS, GCP, Azure, Oracle, Huawei, OpenStack, Linode, DigitalOcean, Hetzner, Baidu at .169.254; Tencent at 169.254.0.23; Scaleway at 169.254.42.42; AWS ECS/EKS at 169.254.170.2/.23
  'fe80::/10', // IPv6 link-local
  'fd00:ec2::/64', // AWS Nitro IPv6: IMDS fd00:ec2::254, DNS ::253, NTP ::123, EKS Pod Identity ::23
];

export const METADATA_ADDRESSES = [
  '100.100.100.200', // Alibaba Cloud ECS metadata
  '100.96.0.96', // Volcengine ECS metadata
  '100.80.80.80', // UCloud UHost metadata
  '168.63.129.16', // Azure WireServer (VM agent, health probes)
  '192.0.0.192', // Oracle Cloud Infrastructure (legacy metadata address)
  'fd20:ce::254', // Google Compute Engine metadata on IPv6-only instances
  'fd00:a9fe:a9fe::1', // Akamai (Linode) metadata over IPv6
  'fd00:c1::a9fe:a9fe', // Oracle Cloud IMDS over IPv6
];

/** Names that resolve to the services above inside their clouds; refused before any DNS lookup. */
export const METADATA_HOSTNAMES = [
  'metadata.google.internal',
  'metadata.goog',
  'metadata',
  'metadata.tencentyun.com',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.azure.internal',
  'metadata.platformequinix.com',
];
