namespace Iad.Datasets.Layouts.Common;

/// <summary>How a mask under <c>ground_truth/&lt;label&gt;/</c> is named after its image's stem.</summary>
internal enum MaskNaming
{
    /// <summary><c>&lt;stem&gt;_mask.&lt;ext&gt;</c> (MVTec AD, MPDD).</summary>
    MaskSuffix,

    /// <summary><c>&lt;stem&gt;.&lt;ext&gt;</c>, any image extension (BTAD: <c>.png</c> or <c>.bmp</c> by product).</summary>
    SameStem,

    /// <summary><c>&lt;stem&gt;.&lt;ext&gt;</c> or <c>&lt;stem&gt;_mask.&lt;ext&gt;</c> (generic folders, prepared VisA).</summary>
    SameStemOrMaskSuffix,

    /// <summary>A folder <c>&lt;stem&gt;/</c> holding one image per annotated region (MVTec LOCO AD).</summary>
    StemFolder,

    /// <summary>The layout attaches masks itself; <c>ground_truth</c> is not read by the tree scan (Texture-AD).</summary>
    External,
}
