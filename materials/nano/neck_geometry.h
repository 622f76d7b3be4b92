#pragma once
// Densification of a sintering pair (docs/PHYSICS.md 5.1): two spheres of radius
// a at centre distance 2 h, joined by a cylindrical neck of radius x whose
// volume is the volume of the two overlapping caps, so that the pair keeps
// the volume of two spheres. The collar is the part of the cylinder
// |r_perp| < x outside both spheres.

namespace ebweld
{
  /// Volume of the two overlapping caps (the lens) of spheres of radius a
  /// at half centre distance h [m^3].
  double overlap_lens_volume_m3(double radius_m, double half_distance_m);

  /// Volume of the neck collar of radius x between the spheres [m^3].
  double neck_collar_volume_m3(double radius_m, double half_distance_m, double neck_radius_m);

  /// Half centre distance h / a at which the collar holds the lens volume,
  /// for a neck ratio x / a in [0, 1).
  double centre_distance_ratio(double neck_ratio);
} // namespace ebweld
