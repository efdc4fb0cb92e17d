// Operations of the security settings page.
import { graphql } from '../../../gql';

export const SecuritySettingsQuery = graphql(`
  query SecuritySettings {
    viewer {
      role
      user {
        id
        email
        totpEnabled
      }
      partner {
        id
        requireStepUp
      }
    }
  }
`);

export const BeginTotpEnrollmentMutation = graphql(`
  mutation BeginTotpEnrollment {
    beginTotpEnrollment {
      secret
      uri
    }
  }
`);

export const ConfirmTotpEnrollmentMutation = graphql(`
  mutation ConfirmTotpEnrollment($code: String!) {
    confirmTotpEnrollment(code: $code) {
      id
      totpEnabled
    }
  }
`);

export const DisableTotpMutation = graphql(`
  mutation DisableTotp($code: String!) {
    disableTotp(code: $code) {
      id
      totpEnabled
    }
  }
`);

export const SetStepUpRequiredMutation = graphql(`
  mutation SetStepUpRequired($required: Boolean!, $verificationCode: String) {
    setStepUpRequired(required: $required, verificationCode: $verificationCode) {
      id
      requireStepUp
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);
