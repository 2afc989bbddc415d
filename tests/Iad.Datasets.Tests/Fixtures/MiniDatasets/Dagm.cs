namespace Iad.Datasets.Tests.Fixtures;

public static partial class MiniDatasets
{
    /// <summary>
    /// DAGM 2007: upper-case <c>.PNG</c>; Class1 Train has <c>Labels.txt</c> (skipped first line, a <c>0</c> label field),
    /// Class1 Test has no <c>Labels.txt</c> (labels by file existence); Class2 unzipped as <c>Class2/Class2/</c>.
    /// </summary>
    public static TempTree Dagm() =>
        new TempTree()
            .Text("Class1/Train/Label/Labels.txt", "3\n1\t0\t0001.PNG\t0\t0\n2\t1\t0002.PNG\t0\t0002_label.PNG\n3\t0\t0003.PNG\t0\t0\n")
            .Images(
                "Class1/Train/0001.PNG", "Class1/Train/0002.PNG", "Class1/Train/0003.PNG",
                "Class1/Train/Label/0002_label.PNG",
                "Class1/Test/0001.PNG", "Class1/Test/0002.PNG", "Class1/Test/Label/0001_label.PNG",
                "Class2/Class2/Train/0001.PNG", "Class2/Class2/Test/0001.PNG", "Class2/Class2/Test/0002.PNG",
                "Class2/Class2/Test/Label/0002_label.PNG");
}
