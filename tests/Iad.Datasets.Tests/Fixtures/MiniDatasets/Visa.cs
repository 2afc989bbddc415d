namespace Iad.Datasets.Tests.Fixtures;

public static partial class MiniDatasets
{
    /// <summary>
    /// VisA raw tree: <c>.JPG</c> images, 3-digit normal stems in <c>capsules</c> colliding with anomaly stems, 4-digit in
    /// <c>candle</c>, a normal image not in the split file, empty mask column for normal rows, a quoted multi-defect label.
    /// </summary>
    public static TempTree Visa() =>
        new TempTree()
            .Text("LICENSE-DATASET", "CC BY 4.0")
            .Text("split_csv/1cls.csv", """
                object,split,label,image,mask
                capsules,train,normal,capsules/Data/Images/Normal/000.JPG,
                capsules,train,normal,capsules/Data/Images/Normal/001.JPG,
                capsules,test,normal,capsules/Data/Images/Normal/002.JPG,
                capsules,test,anomaly,capsules/Data/Images/Anomaly/000.JPG,capsules/Data/Masks/Anomaly/000.png
                capsules,test,anomaly,capsules/Data/Images/Anomaly/001.JPG,capsules/Data/Masks/Anomaly/001.png
                candle,train,normal,candle/Data/Images/Normal/0000.JPG,
                candle,test,normal,candle/Data/Images/Normal/0001.JPG,
                candle,test,anomaly,candle/Data/Images/Anomaly/000.JPG,candle/Data/Masks/Anomaly/000.png
                """)
            .Text("capsules/image_anno.csv", """
                image,label,mask
                capsules/Data/Images/Normal/000.JPG,normal,
                capsules/Data/Images/Anomaly/000.JPG,"scratch,crack",capsules/Data/Masks/Anomaly/000.png
                capsules/Data/Images/Anomaly/001.JPG,squeeze,capsules/Data/Masks/Anomaly/001.png
                """)
            .Images(
                "capsules/Data/Images/Normal/000.JPG", "capsules/Data/Images/Normal/001.JPG",
                "capsules/Data/Images/Normal/002.JPG", "capsules/Data/Images/Normal/003.JPG",
                "capsules/Data/Images/Anomaly/000.JPG", "capsules/Data/Images/Anomaly/001.JPG",
                "capsules/Data/Masks/Anomaly/000.png", "capsules/Data/Masks/Anomaly/001.png",
                "candle/Data/Images/Normal/0000.JPG", "candle/Data/Images/Normal/0001.JPG",
                "candle/Data/Images/Anomaly/000.JPG", "candle/Data/Masks/Anomaly/000.png");
}
