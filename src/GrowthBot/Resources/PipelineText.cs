namespace GrowthBot.Resources;

/// <summary>The sales pipeline: <c>/growth pipeline</c>, its velocity line, the weekly ask and the App Home section (<c>Resources/Pipeline.resx</c>).</summary>
[Texts("Pipeline")]
public enum PipelineText
{
    Numbers,
    LineFirst,
    LineUnchanged,
    LineChanged,
    LineMovedMost,
    FactorOpenOpportunities,
    FactorAverageDealSize,
    FactorWinRate,
    FactorSalesCycle,
    CheckedIn,
    CheckedInFallback,
    Formula,
    ModalTitle,
    ModalSubmit,
    ModalIntro,
    ModalLast,
    OpenField,
    OpenHint,
    DealField,
    DealHint,
    WinField,
    WinHint,
    CycleField,
    CycleHint,
    Refusal,
    Button,
    Ask,
    AskNoDay,
    AskLast,
    AskFallback,
    HomeHeader,
    HomeEmpty,
}
