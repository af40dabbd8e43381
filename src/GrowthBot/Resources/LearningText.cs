namespace GrowthBot.Resources;

/// <summary>The texts of <c>/learning</c>, its modal and search results (<c>Resources/Learnings.resx</c>).</summary>
[Texts("Learnings")]
public enum LearningText
{
    Saved,
    SavedFrom,
    SavedFallback,
    FindAgain,
    NothingFallback,
    Nothing,
    Results,
    ResultsFallback,
    ResultLearning,
    ResultLearningFrom,
    ResultExperiment,
    ResultExperimentDecided,
    ResultsFooter,
    SearchWhat,
    LogTitle,
    TextField,
    TextPlaceholder,
    AboutField,
    AboutPlaceholder,
    FromField,
    FromPlaceholder,
    FromHint,
    ExperimentMissing,
}
