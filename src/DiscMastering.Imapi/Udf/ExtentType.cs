namespace DiscMastering.Imapi.Udf;

/// <summary>The two top bits of an allocation descriptor's extent length (ECMA-167 4/14.14.1.1).</summary>
internal enum ExtentType : byte
{
    RecordedAndAllocated = 0,
    AllocatedNotRecorded = 1,
    NotRecordedNotAllocated = 2,
    NextExtentOfDescriptors = 3,
}
