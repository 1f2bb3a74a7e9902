/// Further referrals for a case referred again before it was heard: they belong to the case as
/// further incidents (they are not cases of their own, and not repeats).
extension MARACState {
    public func furtherReferrals(of caseID: CaseID) -> [Referral] {
        referrals.filter { $0.status == .addedToCase(caseID) }.sorted { $0.details.receivedOn < $1.details.receivedOn }
    }
}
