using Iad.Datasets.Model;
using Iad.Datasets.Settings.Manifests;
using Iad.Datasets.Settings.Specs;

namespace Iad.Datasets.Settings.Modifiers;

/// <summary>The figures of <see cref="AchievedKeys"/>, per task and pooled over tasks.</summary>
internal static class AchievedFigures
{
    public static IReadOnlyDictionary<string, double> OfTask(
        RegimeOptions regime, IReadOnlyDictionary<string, double> regimeFigures, ManifestSplit train, ManifestSplit validation, ManifestSplit test)
    {
        var figures = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in regimeFigures)
        {
            figures[key] = value;
        }

        var trainAnomalous = Anomalous(train);
        figures[AchievedKeys.TrainSize] = train.Items.Count;
        figures[AchievedKeys.TrainAnomalous] = trainAnomalous;
        figures[AchievedKeys.ValidationSize] = validation.Items.Count;
        figures[AchievedKeys.TestSize] = test.Items.Count;
        figures[AchievedKeys.TestAnomalous] = Anomalous(test);
        switch (regime)
        {
            case NoisyOptions:
                figures[AchievedKeys.NoiseRatioAchieved] = (double)trainAnomalous / train.Items.Count;
                break;
            case FuiadOptions:
                figures[AchievedKeys.AlphaAchieved] = (double)trainAnomalous / train.Items.Count;
                break;
            case FewShotOptions:
                figures[AchievedKeys.AugmentedCopies] = train.Items.Count(static i => i.IsCopy);
                break;
        }

        return figures;
    }

    public static IReadOnlyDictionary<string, double> Totals(RegimeOptions regime, IReadOnlyList<ManifestTask> tasks)
    {
        var totals = new SortedDictionary<string, double>(StringComparer.Ordinal);
        double trainSize = 0, trainAnomalous = 0, validationSize = 0, testSize = 0;
        foreach (var task in tasks)
        {
            foreach (var (key, value) in task.Achieved)
            {
                totals[task.Name + "/" + key] = value;
            }

            trainSize += task.Achieved[AchievedKeys.TrainSize];
            trainAnomalous += task.Achieved[AchievedKeys.TrainAnomalous];
            validationSize += task.Achieved[AchievedKeys.ValidationSize];
            testSize += task.Achieved[AchievedKeys.TestSize];
        }

        totals[AchievedKeys.TrainSize] = trainSize;
        totals[AchievedKeys.ValidationSize] = validationSize;
        totals[AchievedKeys.TestSize] = testSize;
        if (regime is NoisyOptions)
        {
            totals[AchievedKeys.NoiseRatioAchieved] = trainAnomalous / trainSize;
        }
        else if (regime is FuiadOptions)
        {
            totals[AchievedKeys.AlphaAchieved] = trainAnomalous / trainSize;
        }

        return totals;
    }

    private static int Anomalous(ManifestSplit split) => split.Items.Count(static i => i.GroundTruth == SampleLabel.Anomalous);
}
