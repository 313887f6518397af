namespace DiscMastering.Imapi.Recording.Imapi;

/// <summary>What IMAPI v1 says about a recorder: its identity and its base PnP id (which finds it again in IMAPI2).</summary>
internal readonly record struct ImapiRecorderInfo(RecorderIdentity Identity, string? BasePnpId);
